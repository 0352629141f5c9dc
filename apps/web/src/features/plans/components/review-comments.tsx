import type { ReviewComment } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { Chip } from '@/components/ui/chip';

/** Reviewers' comments, newest first, with what kind of step each came with. */
export function ReviewComments({ comments, title, compact = false }: { comments: ReviewComment[]; title: string; compact?: boolean }) {
  const { t, formatDateTime } = useI18n();
  if (comments.length === 0) return null;
  const sorted = [...comments].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section className={compact ? 'comments comments--compact' : 'comments'} aria-label={title}>
      <p className="comments__title">{title}</p>
      <ul>
        {sorted.map((comment) => (
          <li key={comment.id} className={`comment comment--${comment.kind}`}>
            <p className="comment__meta">
              <Chip className={`chip--review-${comment.kind}`}>{t(`reviewKind.${comment.kind}`)}</Chip>{' '}
              {comment.authorName ?? t('common.unknownPerson')} · {formatDateTime(comment.createdAt)}
            </p>
            <p className="comment__body" lang="th">
              {comment.body}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
