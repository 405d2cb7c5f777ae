import { PageHeader } from '../../../components/page-header';
import { ImportWizard } from './import-wizard';

export default function ImportsPage() {
  return (
    <>
      <PageHeader />
      <ImportWizard />
    </>
  );
}
