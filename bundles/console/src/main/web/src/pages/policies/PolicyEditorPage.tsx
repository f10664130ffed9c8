import {
  Alert,
  AlertActionCloseButton,
  Breadcrumb,
  BreadcrumbItem,
  Button,
  Card,
  CardBody,
  CardTitle,
  Checkbox,
  Content,
  Flex,
  FlexItem,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  List,
  ListItem,
  PageSection,
  Stack,
  StackItem,
  TextArea,
  TextInput,
  Title,
} from '@patternfly/react-core';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, type FieldError } from '../../api/client';
import { fetchGroupTree } from '../../api/groups';
import {
  deletePolicy,
  getPolicy,
  groupEffectivePolicy,
  policyStates,
  updatePolicy,
  type Policy,
  type PolicyDraft,
  type PolicyProfile,
  type PolicyState,
} from '../../api/policies';
import { holds } from '../../api/session';
import { useLoad } from '../../api/useLoad';
import { ApiErrorAlert, describeError } from '../../components/ApiErrorAlert';
import { ConfirmModal } from '../../components/ConfirmModal';
import { PageLoading } from '../../components/PageLoading';
import { SchemaForm, type FieldLocks, type JsonSchema } from '../../components/schemaForm';
import { useMe } from '../../session/SessionContext';
import { When } from '../devices/tabs/TabState';
import { indexTree } from '../groups/groupTree';
import { historyPathOf } from '../history/labels';
import { PolicyStateLabel, applicationName, useGroupName, useOriginText } from './PolicyLabels';
import { ProfilesSection } from './ProfilesSection';
import { usePolicyApplications } from './usePolicyApplications';
import { fieldMessage, inheritanceOf, otherErrors, savedSettings, shownSettings, toggledLock, type Settings } from './policyEditing';

/** One policy in the editor: it loads it, and starts the editor afresh whenever another revision is loaded. */
export default function PolicyEditorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const policy = useLoad(useCallback((signal: AbortSignal) => getPolicy(id, signal), [id]));
  const [discarded, setDiscarded] = useState(0);

  if (!policy.data) {
    return (
      <PageSection>
        <Breadcrumb aria-label={t('policies.editor.path')}>
          <BreadcrumbItem render={({ className }) => <Link to="/policies" className={className}>{t('policies.title')}</Link>} />
        </Breadcrumb>
        <div className="garrison-space-before">
          {policy.error !== undefined ? (
            <ApiErrorAlert
              variant="danger"
              title={policy.error instanceof ApiError && policy.error.status === 404 ? t('policies.editor.notFound') : t('policies.editor.loadFailed')}
              error={policy.error}
            />
          ) : (
            <PageLoading label={t('policies.loading')} />
          )}
        </div>
      </PageSection>
    );
  }
  return (
    <PolicyEditor
      key={`${policy.data.revision}:${discarded}`}
      stored={policy.data}
      reloadError={policy.error}
      onReload={() => {
        setDiscarded((current) => current + 1);
        policy.reload();
      }}
    />
  );
}

interface General {
  name: string;
  description: string;
  state: PolicyState;
  inheritFromParent: boolean;
  forceInheritance: boolean;
}

type Outcome = { kind: 'saved' } | { kind: 'conflict'; message: string } | { kind: 'refused'; errors: readonly FieldError[] } | { kind: 'failed'; message: string };

function generalOf(policy: Policy): General {
  return {
    name: policy.name,
    description: policy.description ?? '',
    state: policy.state,
    inheritFromParent: policy.inheritFromParent,
    forceInheritance: policy.forceInheritance,
  };
}

/** The editor of one stored revision: general fields, settings with locks, profiles; saved as one change. */
function PolicyEditor({ stored: initial, reloadError, onReload }: { stored: Policy; reloadError: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const mayWrite = holds(me, 'policies.write');
  const [stored, setStored] = useState(initial);
  const [general, setGeneral] = useState<General>(() => generalOf(initial));
  const [settings, setSettings] = useState<Settings>(initial.settings);
  const [locked, setLocked] = useState<string[]>(initial.lockedSettings);
  const [profiles, setProfiles] = useState<PolicyProfile[]>(initial.profiles);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);

  const applications = usePolicyApplications();
  const tree = useLoad(fetchGroupTree);
  const groupName = useGroupName(tree.data);
  const originText = useOriginText(groupName);
  const placed = tree.data ? indexTree(tree.data).get(stored.groupId) : undefined;
  const parentId = tree.data ? (placed?.parentId ?? null) : undefined;
  // Only the built-in groups are at the top of the tree; any other group at the top of the tree an admin sees has
  // its parent outside the admin's groups, whose settings this admin may not read.
  const parentOutOfScope = parentId === null && placed !== undefined && !placed.node.builtIn;
  const outOfOffice = general.state === 'OUT_OF_OFFICE';
  // What the policy inherits: the settings in force at the parent group (none for a top-level group, or when it
  // does not inherit). Loaded again when the state switches between the in-office and out-of-office side.
  const above = useLoad(
    useCallback(
      (signal: AbortSignal) =>
        parentId && general.inheritFromParent
          ? groupEffectivePolicy(parentId, stored.application, outOfOffice, signal)
          : Promise.resolve(undefined),
      [parentId, general.inheritFromParent, stored.application, outOfOffice],
    ),
  );
  const effective = above.data;
  const inheritance = useMemo(() => inheritanceOf(effective, originText, t('policies.origin.unknown')), [effective, originText, t]);
  const application = applications.data?.find((candidate) => candidate.id === stored.application);
  const schema: JsonSchema = (application?.settingsSchema as JsonSchema | undefined) ?? {};
  const shown = useMemo(() => shownSettings(settings, effective), [settings, effective]);

  const locks: FieldLocks = useMemo(() => ({ locked, onChange: (path, lock) => setLocked((current) => toggledLock(current, path, lock)) }), [locked]);

  const draft: PolicyDraft = {
    name: general.name.trim(),
    description: general.description.trim() === '' ? null : general.description,
    state: general.state,
    inheritFromParent: general.inheritFromParent,
    forceInheritance: general.forceInheritance,
    settings: savedSettings(settings, effective),
    lockedSettings: locked,
    profiles,
    expectedRevision: stored.revision,
  };
  const storedDraft: PolicyDraft = {
    name: stored.name,
    description: stored.description ?? null,
    state: stored.state,
    inheritFromParent: stored.inheritFromParent,
    forceInheritance: stored.forceInheritance,
    settings: savedSettings(stored.settings, effective),
    lockedSettings: stored.lockedSettings,
    profiles: stored.profiles,
    expectedRevision: stored.revision,
  };
  const dirty = JSON.stringify(draft) !== JSON.stringify(storedDraft);
  const errors = outcome?.kind === 'refused' ? outcome.errors : stored.problems;

  const save = async () => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const saved = await updatePolicy(stored.id, draft);
      setStored(saved);
      setGeneral(generalOf(saved));
      setSettings(saved.settings);
      setLocked(saved.lockedSettings);
      setProfiles(saved.profiles);
      setOutcome({ kind: 'saved' });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setOutcome({ kind: 'conflict', message: describeError(error, t) });
      } else if (error instanceof ApiError && error.errors.length > 0) {
        setOutcome({ kind: 'refused', errors: error.errors });
      } else {
        setOutcome({ kind: 'failed', message: describeError(error, t) });
      }
    } finally {
      setBusy(false);
    }
  };

  // The server names a profile's errors by its place in the list: once profiles move or go, those places are stale.
  const changeProfiles = (next: PolicyProfile[]) => {
    const places = (list: readonly PolicyProfile[]) => list.map((profile, index) => profile.id ?? `new-${index}`).join();
    if (outcome?.kind === 'refused' && places(next) !== places(profiles)) {
      setOutcome({ kind: 'refused', errors: outcome.errors.filter((error) => !error.field.startsWith('profiles/')) });
    }
    setProfiles(next);
  };

  const discard = () => {
    setGeneral(generalOf(stored));
    setSettings(stored.settings);
    setLocked(stored.lockedSettings);
    setProfiles(stored.profiles);
    setOutcome(undefined);
  };

  const help = (field: string, hint?: string): ReactNode => {
    const message = fieldMessage(errors, field);
    if (!message && !hint) {
      return null;
    }
    return (
      <FormHelperText>
        <HelperText>
          {hint && <HelperTextItem>{hint}</HelperTextItem>}
          {message && <HelperTextItem variant="error">{message}</HelperTextItem>}
        </HelperText>
      </FormHelperText>
    );
  };
  const unplaced = otherErrors(errors, ['name', 'description', 'state', 'inheritFromParent', 'forceInheritance']);
  const readOnly = !mayWrite;

  return (
    <>
      <PageSection>
        <Breadcrumb aria-label={t('policies.editor.path')}>
          <BreadcrumbItem render={({ className }) => <Link to="/policies" className={className}>{t('policies.title')}</Link>} />
          <BreadcrumbItem isActive>{stored.name}</BreadcrumbItem>
        </Breadcrumb>
        <Flex alignItems={{ default: 'alignItemsCenter' }} className="garrison-space-before">
          <FlexItem>
            <Title headingLevel="h1">{stored.name}</Title>
          </FlexItem>
          <FlexItem>
            <PolicyStateLabel state={stored.state} />
          </FlexItem>
          <FlexItem align={{ default: 'alignRight' }}>
            <Flex>
              {holds(me, 'audit.read') && (
                <FlexItem>
                  <Link to={historyPathOf('policy', stored.id)}>{t('policies.editor.history')}</Link>
                </FlexItem>
              )}
              {mayWrite && (
                <>
                  <FlexItem>
                    <Button variant="primary" onClick={() => void save()} isLoading={busy} isDisabled={busy || !dirty || draft.name === ''}>
                      {t('policies.editor.save')}
                    </Button>
                  </FlexItem>
                  <FlexItem>
                    <Button variant="secondary" onClick={discard} isDisabled={busy || !dirty}>
                      {t('policies.editor.discard')}
                    </Button>
                  </FlexItem>
                  <FlexItem>
                    <Button variant="secondary" isDanger onClick={() => setDeleting(true)}>
                      {t('policies.action.delete')}
                    </Button>
                  </FlexItem>
                </>
              )}
            </Flex>
          </FlexItem>
        </Flex>
        <Content component="p" className="garrison-space-before">
          {t('policies.editor.summary', { application: applicationName(applications.data, stored.application), revision: stored.revision })}{' '}
          <Link to={`/groups/${stored.groupId}`}>{groupName(stored.groupId)}</Link>
          {' · '}
          {t('policies.editor.updated')} <When instant={stored.updatedAt} />
          {stored.updatedBy?.name ? ` (${stored.updatedBy.name})` : ''}
        </Content>
      </PageSection>
      <PageSection>
        <Stack hasGutter>
          {reloadError !== undefined && (
            <StackItem>
              <ApiErrorAlert variant="warning" title={t('policies.editor.reloadFailed')} error={reloadError} />
            </StackItem>
          )}
          {outcome?.kind === 'saved' && (
            <StackItem>
              <Alert variant="success" isInline isLiveRegion title={t('policies.editor.saved', { revision: stored.revision })} actionClose={<AlertActionCloseButton onClose={() => setOutcome(undefined)} />} />
            </StackItem>
          )}
          {outcome?.kind === 'conflict' && (
            <StackItem>
              <Alert
                variant="warning"
                isInline
                isLiveRegion
                title={t('policies.editor.conflict')}
                actionLinks={
                  <Button variant="link" isInline onClick={onReload}>
                    {t('policies.editor.reload')}
                  </Button>
                }
              >
                {outcome.message}
              </Alert>
            </StackItem>
          )}
          {outcome?.kind === 'failed' && (
            <StackItem>
              <Alert variant="danger" isInline isLiveRegion title={t('common.failed')}>
                {outcome.message}
              </Alert>
            </StackItem>
          )}
          {outcome?.kind === 'refused' && (
            <StackItem>
              <Alert variant="danger" isInline isLiveRegion title={t('policies.editor.refused', { count: outcome.errors.length })}>
                {unplaced.length > 0 && (
                  <List>
                    {unplaced.map((error, index) => (
                      <ListItem key={index}>{error.field ? `${error.field}: ${error.message}` : error.message}</ListItem>
                    ))}
                  </List>
                )}
              </Alert>
            </StackItem>
          )}
          {stored.problems.length > 0 && outcome?.kind !== 'refused' && (
            <StackItem>
              <Alert variant="warning" isInline title={t('policies.editor.problems', { version: stored.checkedAgainst ?? '?' })}>
                <List>
                  {stored.problems.map((problem, index) => (
                    <ListItem key={index}>{`${problem.field}: ${problem.message}`}</ListItem>
                  ))}
                </List>
              </Alert>
            </StackItem>
          )}
          {applications.error !== undefined && (
            <StackItem>
              <ApiErrorAlert variant="warning" title={t('policies.editor.schemaFailed')} error={applications.error} />
            </StackItem>
          )}
          {applications.data && !application && (
            <StackItem>
              <Alert variant="warning" isInline title={t('policies.editor.pluginInactive', { application: stored.application })} />
            </StackItem>
          )}
          <StackItem>
            <Card>
              <CardTitle component="h2">{t('policies.editor.general')}</CardTitle>
              <CardBody>
                <Form isHorizontal onSubmit={(event) => event.preventDefault()} aria-label={t('policies.editor.general')}>
                  <FormGroup label={t('policies.field.name')} fieldId="policy-name" isRequired>
                    <TextInput
                      id="policy-name"
                      value={general.name}
                      isRequired
                      maxLength={255}
                      isDisabled={readOnly}
                      validated={fieldMessage(errors, 'name') ? 'error' : 'default'}
                      onChange={(_event, name) => setGeneral((current) => ({ ...current, name }))}
                    />
                    {help('name')}
                  </FormGroup>
                  <FormGroup label={t('policies.field.description')} fieldId="policy-description">
                    <TextArea
                      id="policy-description"
                      value={general.description}
                      maxLength={2000}
                      isDisabled={readOnly}
                      resizeOrientation="vertical"
                      validated={fieldMessage(errors, 'description') ? 'error' : 'default'}
                      onChange={(_event, description) => setGeneral((current) => ({ ...current, description }))}
                    />
                    {help('description')}
                  </FormGroup>
                  <FormGroup label={t('policies.field.state')} fieldId="policy-state">
                    <FormSelect
                      id="policy-state"
                      value={general.state}
                      isDisabled={readOnly}
                      onChange={(_event, state) => setGeneral((current) => ({ ...current, state: state as PolicyState }))}
                    >
                      {policyStates.map((state) => (
                        <FormSelectOption key={state} value={state} label={t(`policies.state.${state}`)} />
                      ))}
                    </FormSelect>
                    {help('state', t(`policies.stateHelp.${general.state}`))}
                  </FormGroup>
                  <FormGroup fieldId="policy-inherit" role="group" label={t('policies.editor.inheritance')}>
                    <Checkbox
                      id="policy-inherit"
                      label={t('policies.field.inheritFromParent')}
                      description={
                        parentOutOfScope
                          ? t('policies.editor.parentOutOfScope')
                          : parentId === null
                            ? t('policies.editor.topLevel')
                            : t('policies.editor.inheritHelp')
                      }
                      isChecked={general.inheritFromParent}
                      isDisabled={readOnly}
                      onChange={(_event, inheritFromParent) => setGeneral((current) => ({ ...current, inheritFromParent }))}
                    />
                    {help('inheritFromParent')}
                    <Checkbox
                      id="policy-force"
                      label={t('policies.field.forceInheritance')}
                      description={t('policies.editor.forceHelp')}
                      isChecked={general.forceInheritance}
                      isDisabled={readOnly}
                      onChange={(_event, forceInheritance) => setGeneral((current) => ({ ...current, forceInheritance }))}
                    />
                    {help('forceInheritance')}
                  </FormGroup>
                </Form>
              </CardBody>
            </Card>
          </StackItem>
          <StackItem>
            <Card>
              <CardTitle component="h2">{t('policies.editor.settings')}</CardTitle>
              <CardBody>
                <Content component="p">{t('policies.editor.settingsHelp')}</Content>
                {above.error !== undefined && <ApiErrorAlert variant="warning" title={t('policies.editor.aboveFailed')} error={above.error} />}
                {applications.data === undefined && applications.error === undefined ? (
                  <PageLoading label={t('policies.loading')} />
                ) : (
                  <SchemaForm
                    id="policy-settings"
                    aria-label={t('policies.editor.settings')}
                    schema={schema}
                    value={shown}
                    onChange={(value) => setSettings(savedSettings(value, effective))}
                    errors={errors}
                    errorPrefix="settings"
                    readOnly={readOnly}
                    locks={locks}
                    inherited={inheritance.locked}
                    above={inheritance.above}
                    clearable
                  />
                )}
              </CardBody>
            </Card>
          </StackItem>
          <StackItem>
            <ProfilesSection
              profiles={profiles}
              onChange={changeProfiles}
              errors={errors}
              schema={schema}
              policySettings={shown}
              lockedAbove={inheritance.locked}
              tree={tree.data ?? []}
              readOnly={readOnly}
            />
          </StackItem>
          {mayWrite && dirty && (
            <StackItem>
              <Content component="small">{t('policies.editor.unsaved')}</Content>
            </StackItem>
          )}
        </Stack>
      </PageSection>
      {deleting && (
        <ConfirmModal
          title={t('policies.delete.title', { name: stored.name })}
          body={t('policies.delete.body')}
          confirmLabel={t('policies.delete.confirm')}
          onClose={() => setDeleting(false)}
          onConfirm={async () => {
            await deletePolicy(stored.id);
            void navigate('/policies');
          }}
        />
      )}
    </>
  );
}
