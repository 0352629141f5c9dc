import { useId, useRef, useState, type DragEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { DEFAULT_EVIDENCE_FILE_MAX_MB, EVIDENCE_FILE_ACCEPT, type EvidenceFile } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { useApiErrorMessage } from '@/lib/use-api-error-message';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { useDeleteEvidenceFile } from '../api/delete-evidence-file';
import { evidenceFileKeys, useEvidenceFiles } from '../api/get-evidence-files';
import { uploadEvidenceFile } from '../api/upload-evidence-file';
import '../evidence-files.css';
import { Button } from '@/components/ui/button';
import { Chip } from '@/components/ui/chip';
import { useFileSize } from '@/lib/use-file-size';

const MAX_BYTES = DEFAULT_EVIDENCE_FILE_MAX_MB * 1024 * 1024;

/** One file on its way up: how far it got, and how it ended. */
interface Transfer {
  key: number;
  name: string;
  loaded: number;
  total: number;
  state: 'sending' | 'done' | 'failed';
  error?: string;
}

function FileRow({ file, canEdit, onDelete }: { file: EvidenceFile; canEdit: boolean; onDelete: (file: EvidenceFile) => void }) {
  const { t } = useI18n();
  const size = useFileSize();
  return (
    <li className="evidence-files__item">
      {file.previewUrl ? (
        <img className="evidence-files__preview" src={file.previewUrl} alt={t('files.previewOf', { name: file.name })} loading="lazy" />
      ) : (
        <span className="evidence-files__icon" aria-hidden="true">
          {file.name.split('.').pop()?.toUpperCase()}
        </span>
      )}
      <div className="evidence-files__about">
        <a href={file.url} download={file.name} className="evidence-files__name">
          {file.name}
        </a>
        <p className="muted small">
          {size(file.size)}
          {file.isInternal && <Chip className="evidence-files__internal">{t('files.internal')}</Chip>}
        </p>
      </div>
      {canEdit && (
        <Button type="button" className="button button--secondary button--small" onClick={() => onDelete(file)}>
          {t('files.delete')}
          <span className="visually-hidden"> {file.name}</span>
        </Button>
      )}
    </li>
  );
}

/**
 * A measure's evidence files: previews of photos, downloads, and for an editor of a plan being edited,
 * uploads (several at once, by the picker or by dropping them here, each with its progress) and deletion.
 */
export function EvidenceFilesPanel({ measureId, canEdit }: { measureId: string; canEdit: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const errorMessage = useApiErrorMessage();
  const queryClient = useQueryClient();
  const files = useEvidenceFiles(measureId);
  const remove = useDeleteEvidenceFile(measureId);
  const [transfers, setTransfers] = useState<Transfer[]>([]);
  const [isInternal, setIsInternal] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [confirming, setConfirming] = useState<EvidenceFile | undefined>();
  const nextKey = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  const update = (key: number, change: Partial<Transfer>) =>
    setTransfers((list) => list.map((transfer) => (transfer.key === key ? { ...transfer, ...change } : transfer)));

  function send(list: FileList | File[]) {
    const chosen = [...list];
    const started = chosen.map((file) => ({ file, key: (nextKey.current += 1) }));
    setTransfers((previous) => [
      ...previous.filter((transfer) => transfer.state !== 'done'),
      ...started.map(({ file, key }) => ({ key, name: file.name, loaded: 0, total: file.size, state: 'sending' as const })),
    ]);
    for (const { file, key } of started) {
      if (file.size > MAX_BYTES) {
        update(key, { state: 'failed', error: t('files.tooLarge', { max: DEFAULT_EVIDENCE_FILE_MAX_MB }) });
        continue;
      }
      uploadEvidenceFile(measureId, file, { isInternal, onProgress: ({ loaded, total }) => update(key, { loaded, total }) }).then(
        () => {
          update(key, { state: 'done', loaded: file.size });
          void queryClient.invalidateQueries({ queryKey: evidenceFileKeys.measure(measureId) });
        },
        (error: unknown) => update(key, { state: 'failed', error: errorMessage(error) }),
      );
    }
    if (input.current) input.current.value = '';
  }

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer.files.length > 0) send(event.dataTransfer.files);
  };

  return (
    <section className="panel evidence-files" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('files.title')}</h2>
      {canEdit && (
        <div
          className={`evidence-files__drop${dragging ? ' evidence-files__drop--over' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>{t('files.dropHere')}</p>
          <label htmlFor={`${id}-input`} className="button button--secondary">
            {t('files.choose')}
          </label>
          <input
            ref={input}
            id={`${id}-input`}
            className="evidence-files__input"
            type="file"
            multiple
            accept={EVIDENCE_FILE_ACCEPT}
            aria-describedby={`${id}-help`}
            onChange={(event) => event.target.files && send(event.target.files)}
          />
          <p id={`${id}-help`} className="muted small">
            {t('files.help', { max: DEFAULT_EVIDENCE_FILE_MAX_MB })}
          </p>
          <label className="checkbox">
            <input type="checkbox" checked={isInternal} onChange={(event) => setIsInternal(event.target.checked)} />
            {t('files.markInternal')}
          </label>
        </div>
      )}
      {transfers.length > 0 && (
        <ul className="evidence-files__transfers" aria-label={t('files.uploads')}>
          {transfers.map((transfer) => (
            <li key={transfer.key} className={`evidence-files__transfer evidence-files__transfer--${transfer.state}`}>
              <span className="evidence-files__transfer-name">{transfer.name}</span>
              <progress max={transfer.total || 1} value={transfer.loaded} aria-label={t('files.progressOf', { name: transfer.name })} />
              <span role="status" className="small">
                {transfer.state === 'sending'
                  ? t('files.sending', { percent: Math.floor((100 * transfer.loaded) / (transfer.total || 1)) })
                  : transfer.state === 'done'
                    ? t('files.sent')
                    : ''}
              </span>
              {transfer.state === 'failed' && (
                <p className="form-error" role="alert">
                  {transfer.name}: {transfer.error}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {files.isPending ? (
        <Loading />
      ) : files.isError ? (
        <ErrorState error={files.error} onRetry={() => void files.refetch()} />
      ) : files.data.length === 0 ? (
        <p className="muted">{t('files.empty')}</p>
      ) : (
        <ul className="evidence-files__list">
          {files.data.map((file) => (
            <FileRow key={file.id} file={file} canEdit={canEdit} onDelete={setConfirming} />
          ))}
        </ul>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('files.deleteTitle')}
          confirmLabel={t('files.delete')}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(confirming.id, { onSuccess: () => setConfirming(undefined) })}
          onClose={() => {
            remove.reset();
            setConfirming(undefined);
          }}
        >
          <p>{t('files.deleteConfirm', { name: confirming.name })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
