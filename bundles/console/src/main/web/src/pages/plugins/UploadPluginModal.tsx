import {
  Alert,
  Button,
  Content,
  FileUpload,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Progress,
} from '@patternfly/react-core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { maxPluginJarBytes, uploadPlugin, type UploadedPlugin } from '../../api/plugins';
import { describeError } from '../../components/ApiErrorAlert';
import { useSession } from '../../session/SessionContext';

type Upload =
  | { phase: 'choosing' }
  | { phase: 'sending'; progress: number }
  | { phase: 'failed'; message: string; problems: readonly string[] };

/** The size limit in words, e.g. "64 MB". */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/**
 * Uploads a plugin JAR, chosen with the file picker or dropped on the field, with the size limit shown, progress
 * while it is sent, and the server's reasons when it refuses the JAR. A JAR with the id of an installed plugin
 * upgrades it.
 */
export function UploadPluginModal({ onClose, onUploaded }: { onClose: () => void; onUploaded: (result: UploadedPlugin) => void }) {
  const { t } = useTranslation();
  const { state: session } = useSession();
  const [file, setFile] = useState<File | undefined>();
  const [upload, setUpload] = useState<Upload>({ phase: 'choosing' });
  const [tooLarge, setTooLarge] = useState(false);
  const controller = useRef<AbortController | undefined>(undefined);
  const limit = megabytes(maxPluginJarBytes);

  useEffect(() => () => controller.current?.abort(), []);

  const choose = (chosen: File | undefined) => {
    setFile(chosen);
    setTooLarge(chosen !== undefined && chosen.size > maxPluginJarBytes);
    setUpload({ phase: 'choosing' });
  };

  const send = async () => {
    if (!file || tooLarge) {
      return;
    }
    controller.current = new AbortController();
    setUpload({ phase: 'sending', progress: 0 });
    try {
      const result = await uploadPlugin(file, {
        csrfToken: session.status === 'signed-in' ? session.session.csrfToken : undefined,
        onProgress: (sent) => setUpload({ phase: 'sending', progress: Math.round(sent * 100) }),
        signal: controller.current.signal,
      });
      onUploaded(result);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        setUpload({ phase: 'choosing' });
        return;
      }
      const problems = error instanceof ApiError ? error.errors.map((problem) => `${problem.field}: ${problem.message}`) : [];
      // With field errors the problem's detail repeats them; the title and the list say it once.
      setUpload({ phase: 'failed', message: error instanceof ApiError && problems.length > 0 ? error.title : describeError(error, t), problems });
    }
  };

  const sending = upload.phase === 'sending';
  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="upload-plugin-title">
      <ModalHeader title={t('plugins.upload.title')} labelId="upload-plugin-title" />
      <ModalBody>
        <Content component="p" className="garrison-space-below">
          {t('plugins.upload.intro')}
        </Content>
        <Form
          id="upload-plugin-form"
          onSubmit={(event) => {
            event.preventDefault();
            void send();
          }}
        >
          <FormGroup label={t('plugins.upload.file')} fieldId="plugin-jar" isRequired>
            <FileUpload
              id="plugin-jar"
              filename={file?.name ?? ''}
              filenamePlaceholder={t('plugins.upload.placeholder')}
              filenameAriaLabel={t('plugins.upload.fileName')}
              browseButtonText={t('plugins.upload.browse')}
              clearButtonText={t('plugins.upload.clear')}
              browseButtonAriaDescribedby="plugin-jar-help"
              hideDefaultPreview
              isDisabled={sending}
              validated={tooLarge ? 'error' : 'default'}
              dropzoneProps={{ accept: { 'application/java-archive': ['.jar'] }, multiple: false }}
              onFileInputChange={(_event, chosen) => choose(chosen)}
              onClearClick={() => choose(undefined)}
            />
            <FormHelperText>
              <HelperText id="plugin-jar-help">
                <HelperTextItem variant={tooLarge ? 'error' : 'default'}>
                  {tooLarge ? t('plugins.upload.tooLarge', { limit }) : t('plugins.upload.limit', { limit })}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
        </Form>
        {sending && (
          <Progress
            className="garrison-space-below"
            value={upload.progress}
            title={t('plugins.upload.sending', { file: file?.name ?? '' })}
            aria-label={t('plugins.upload.sending', { file: file?.name ?? '' })}
          />
        )}
        {upload.phase === 'failed' && (
          <Alert variant="danger" isInline isLiveRegion title={t('plugins.upload.failed')}>
            <p>{upload.message}</p>
            {upload.problems.length > 0 && (
              <List>
                {upload.problems.map((problem, index) => (
                  <ListItem key={index}>{problem}</ListItem>
                ))}
              </List>
            )}
          </Alert>
        )}
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" type="submit" form="upload-plugin-form" isDisabled={!file || tooLarge || sending} isLoading={sending}>
          {t('plugins.upload.submit')}
        </Button>
        <Button variant="link" onClick={() => (sending ? controller.current?.abort() : onClose())}>
          {t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
