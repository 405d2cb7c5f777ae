import { HistoryOutlined, ImportOutlined } from '@ant-design/icons';
import type { Category } from '@chuangcheng/contracts';
import { Button, Col, Row } from 'antd';
import { useMemo, useState } from 'react';
import { DownloadButton } from '../../../components/download-button';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { downloadCatalogTemplate, exportCatalog } from '../api/import-catalog';
import { useCategories } from '../api/list-categories';
import { useCatalogVersions } from '../api/list-versions';
import { useCatalogWritable } from '../hooks/use-catalog-writable';
import { CatalogImportModal } from './catalog-import-modal';
import { buildCatalogTree } from './catalog-tree';
import { CatalogVersionsModal } from './catalog-versions-modal';
import { CategoryDetailCard } from './category-detail-card';
import { CategoryFormDrawer, type CategoryFormMode } from './category-form-drawer';
import { CategoryTreeCard } from './category-tree-card';

/** 问题分类: the active catalogue as a tree, the selected class's filing conditions, import/export, versions. */
export default function CatalogPage() {
  const { t } = useI18n();
  const categories = useCategories();
  const versions = useCatalogVersions();
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  // A new key per opening gives the drawer a fresh form.
  const [form, setForm] = useState<{ mode: CategoryFormMode | null; key: number }>({ mode: null, key: 0 });
  const openForm = (mode: CategoryFormMode) => setForm((f) => ({ mode, key: f.key + 1 }));
  const [importOpen, setImportOpen] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const writable = useCatalogWritable();

  const tree = useMemo(
    () => (categories.data ? buildCatalogTree(categories.data) : undefined),
    [categories.data],
  );
  // Nothing picked yet (or the pick vanished with a version switch): show the first kind.
  const selected = (selectedKey && tree?.byKey.get(selectedKey)) || tree?.roots[0] || null;
  const active = versions.data?.find((v) => v.active);

  return (
    <>
      <PageHeader
        extra={
          <>
            <Button
              icon={<HistoryOutlined />}
              onClick={() => setVersionsOpen(true)}
              data-testid="catalog-versions-open"
            >
              {active ? t('catalog.versionLabel', { n: active.version }) : t('catalog.versions')}
            </Button>
            {writable && (
              <DownloadButton onDownload={downloadCatalogTemplate} data-testid="catalog-template">
                {t('catalog.template')}
              </DownloadButton>
            )}
            {writable && (
              <Button
                icon={<ImportOutlined />}
                onClick={() => setImportOpen(true)}
                data-testid="catalog-import"
              >
                {t('common.import')}
              </Button>
            )}
            <DownloadButton onDownload={exportCatalog} data-testid="catalog-export">
              {t('common.export')}
            </DownloadButton>
          </>
        }
      />
      {categories.isError && <QueryError error={categories.error} onRetry={() => categories.refetch()} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10} xl={9}>
          <CategoryTreeCard
            tree={tree}
            loading={categories.isPending && !categories.isError}
            selectedKey={selected?.key ?? null}
            onSelect={setSelectedKey}
          />
        </Col>
        <Col xs={24} lg={14} xl={15}>
          <CategoryDetailCard
            node={selected}
            writable={writable}
            onAddChild={(parent) => openForm({ kind: 'create', parent })}
            onEdit={(category) => openForm({ kind: 'edit', category })}
            onSelect={setSelectedKey}
          />
        </Col>
      </Row>
      {writable && (
        <CategoryFormDrawer
          key={form.key}
          mode={form.mode}
          onClose={() => setForm((f) => ({ ...f, mode: null }))}
          onSaved={(category: Category) => setSelectedKey(category.id)}
        />
      )}
      {writable && (
        <CatalogImportModal
          open={importOpen}
          onClose={() => setImportOpen(false)}
          onShowVersions={() => {
            setImportOpen(false);
            setVersionsOpen(true);
          }}
        />
      )}
      <CatalogVersionsModal open={versionsOpen} onClose={() => setVersionsOpen(false)} writable={writable} />
    </>
  );
}
