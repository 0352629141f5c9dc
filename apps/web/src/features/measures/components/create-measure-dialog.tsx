import type { Measure } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { Dialog } from '@/components/ui/dialog';
import { useCodebook } from '../api/get-codebook';
import { useCreateMeasure } from '../api/create-measure';
import { EMPTY_MEASURE } from '../utils/measure-form-values';
import { MeasureForm } from './measure-form';

export function CreateMeasureDialog({
  planId,
  fiscalYear,
  onCreated,
  onClose,
}: {
  planId: string;
  fiscalYear: number;
  onCreated: (measure: Measure) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const codebook = useCodebook(fiscalYear);
  const create = useCreateMeasure();
  return (
    <Dialog title={t('measures.addTitle')} onClose={onClose} wide>
      <MeasureForm
        defaultValues={EMPTY_MEASURE}
        mode={{ kind: 'create' }}
        fiscalYear={fiscalYear}
        codebook={codebook.data}
        codebookLoading={codebook.isPending}
        submitLabel={t('common.save')}
        onSubmit={async (values) => {
          onCreated(await create.mutateAsync({ planId, input: values }));
        }}
        onCancel={onClose}
      />
    </Dialog>
  );
}
