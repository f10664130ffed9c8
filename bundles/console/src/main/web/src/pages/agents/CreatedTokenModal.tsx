import { Alert, Button, CodeBlock, CodeBlockCode, Modal, ModalBody, ModalFooter, ModalHeader, Stack, StackItem, Title } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { CreatedEnrollmentToken } from '../../api/agents';
import { CopyButton } from '../../components/CopyButton';

/** The token's text and enroll command, shown this once: the server keeps only a hash of the secret. */
export function CreatedTokenModal({ token, onClose }: { token: CreatedEnrollmentToken; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="created-token-title">
      <ModalHeader title={t('agents.tokens.createdTitle', { name: token.name })} labelId="created-token-title" />
      <ModalBody>
        <Stack hasGutter>
          <StackItem>
            <Alert variant="warning" isInline title={t('agents.tokens.shownOnce')} />
          </StackItem>
          <StackItem>
            <Title headingLevel="h3">{t('agents.tokens.command')}</Title>
          </StackItem>
          <StackItem>
            <CodeBlock actions={<CopyButton text={token.enrollCommand} label={t('agents.tokens.copyCommand')} />}>
              <CodeBlockCode data-testid="enroll-command">{token.enrollCommand}</CodeBlockCode>
            </CodeBlock>
          </StackItem>
          <StackItem>
            <Title headingLevel="h3">{t('agents.tokens.tokenText')}</Title>
          </StackItem>
          <StackItem>
            <CodeBlock actions={<CopyButton text={token.token} label={t('agents.tokens.copyToken')} />}>
              <CodeBlockCode data-testid="enrollment-token">{token.token}</CodeBlockCode>
            </CodeBlock>
          </StackItem>
        </Stack>
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" onClick={onClose}>
          {t('common.done')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
