import {
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Content,
  EmptyState,
  EmptyStateBody,
  Form,
  FormGroup,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  PageSection,
  Stack,
  StackItem,
  TextArea,
  TextInput,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchCurrentTerms, holds, listTermsAcceptances, publishTerms, type LegalTerms } from '../../api/session';
import { useLoad } from '../../api/useLoad';
import { ApiErrorAlert, describeError } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { formatDateTime } from '../../i18n/format';
import { useMe } from '../../session/SessionContext';
import '../signin/AcceptTermsPage.css';

/** The legal terms accounts must accept: the current version, who accepted which version when, publishing a new one. */
export default function LegalTermsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const mayPublish = holds(me, 'server.write');
  const terms = useLoad(fetchCurrentTerms);
  const acceptances = useLoad(listTermsAcceptances);
  const [publishing, setPublishing] = useState(false);
  const when = (instant: string | undefined) =>
    instant ? <time dateTime={instant}>{formatDateTime(instant, i18n.language)}</time> : '—';

  let current;
  if (terms.error !== undefined) {
    current = <ApiErrorAlert variant="danger" title={t('legalTerms.loadFailed')} error={terms.error} />;
  } else if (terms.data === undefined) {
    current = <PageLoading label={t('terms.loading')} />;
  } else if (terms.data === null) {
    current = (
      <EmptyState titleText={t('legalTerms.none')} headingLevel="h2" variant="sm">
        <EmptyStateBody>{t('legalTerms.noneBody')}</EmptyStateBody>
      </EmptyState>
    );
  } else {
    current = (
      <Card>
        <CardTitle component="h2">{terms.data.title}</CardTitle>
        <CardBody>
          <Stack hasGutter>
            <StackItem>
              <Content component="small" data-testid="terms-published">
                {t('legalTerms.published', { version: terms.data.version, by: terms.data.publishedBy ?? '—' })} {when(terms.data.publishedAt)}
              </Content>
            </StackItem>
            <StackItem>
              <div className="garrison-terms-text" tabIndex={0} role="document" aria-label={terms.data.title}>
                {terms.data.text}
              </div>
            </StackItem>
          </Stack>
        </CardBody>
      </Card>
    );
  }

  let accepted;
  if (acceptances.data) {
    accepted =
      acceptances.data.length === 0 ? (
        <Content component="p">{t('legalTerms.noAcceptances')}</Content>
      ) : (
        <Table aria-label={t('legalTerms.acceptances')} variant="compact">
          <Thead>
            <Tr>
              <Th>{t('account.login')}</Th>
              <Th>{t('legalTerms.version')}</Th>
              <Th>{t('legalTerms.acceptedAt')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {acceptances.data.map((acceptance) => (
              <Tr key={`${acceptance.accountId}-${acceptance.version}`}>
                <Td dataLabel={t('account.login')}>{acceptance.login}</Td>
                <Td dataLabel={t('legalTerms.version')}>{acceptance.version}</Td>
                <Td dataLabel={t('legalTerms.acceptedAt')}>{when(acceptance.acceptedAt)}</Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      );
  } else if (acceptances.error !== undefined) {
    accepted = <ApiErrorAlert variant="danger" title={t('legalTerms.acceptancesFailed')} error={acceptances.error} />;
  } else {
    accepted = <PageLoading label={t('legalTerms.acceptances')} />;
  }

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('legalTerms.title')}</Title>
      </PageSection>
      <PageSection>
        <Stack hasGutter>
          {mayPublish && (
            <StackItem>
              <Button variant="primary" onClick={() => setPublishing(true)}>
                {t('legalTerms.publish')}
              </Button>
            </StackItem>
          )}
          <StackItem>{current}</StackItem>
          <StackItem>
            <Title headingLevel="h2" size="lg">
              {t('legalTerms.acceptances')}
            </Title>
          </StackItem>
          <StackItem>{accepted}</StackItem>
        </Stack>
      </PageSection>
      {publishing && (
        <PublishModal
          {...(terms.data ? { current: terms.data } : {})}
          onClose={() => setPublishing(false)}
          onPublished={() => {
            setPublishing(false);
            terms.reload();
            acceptances.reload();
          }}
        />
      )}
    </>
  );
}

function PublishModal({ current, onClose, onPublished }: { current?: LegalTerms; onClose: () => void; onPublished: () => void }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState('');
  const [title, setTitle] = useState(current?.title ?? '');
  const [text, setText] = useState(current?.text ?? '');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      await publishTerms({ version: version.trim(), title: title.trim(), text });
      onPublished();
    } catch (error) {
      setFailure(describeError(error, t));
      setBusy(false);
    }
  };

  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="terms-publish-title">
      <ModalHeader title={t('legalTerms.publish')} labelId="terms-publish-title" description={t('legalTerms.publishHelp')} />
      <ModalBody>
        <Form id="terms-publish-form" onSubmit={(event) => void submit(event)}>
          {failure && (
            <Alert variant="danger" isInline title={t('legalTerms.publishFailed')}>
              {failure}
            </Alert>
          )}
          <FormGroup label={t('legalTerms.version')} isRequired fieldId="terms-version">
            <TextInput id="terms-version" isRequired value={version} placeholder={current?.version} onChange={(_event, value) => setVersion(value)} />
          </FormGroup>
          <FormGroup label={t('legalTerms.heading')} isRequired fieldId="terms-title">
            <TextInput id="terms-title" isRequired value={title} onChange={(_event, value) => setTitle(value)} />
          </FormGroup>
          <FormGroup label={t('legalTerms.text')} isRequired fieldId="terms-text">
            <TextArea id="terms-text" isRequired rows={12} resizeOrientation="vertical" value={text} onChange={(_event, value) => setText(value)} />
          </FormGroup>
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button type="submit" form="terms-publish-form" variant="primary" isLoading={busy} isDisabled={busy}>
          {t('legalTerms.publishSubmit')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
