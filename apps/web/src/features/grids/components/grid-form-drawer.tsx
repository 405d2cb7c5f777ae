import {
  type CreateGrid,
  type Grid,
  type GridGeometry,
  gridGeometrySchema,
  type UpdateGrid,
} from '@chuangcheng/contracts';
import { App, Form, Input } from 'antd';
import { useState } from 'react';
import { FormDrawer } from '../../../components/form-drawer';
import { BlockSelect, UnitMultiSelect, UnitSelect } from '../../../components/pickers/entity-pickers';
import { RegionTreeSelect } from '../../../components/pickers/region-tree-select';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { todayInCity } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useCreateGrid } from '../api/create-grid';
import { useUpdateGrid } from '../api/update-grid';

interface Values {
  code: string;
  name: string;
  communityId: string;
  blockId: string | null;
  leadUnitId: string | null;
  memberUnitIds: string[];
  validFrom: string;
  geometry: string;
}

const FIELDS = [
  'code',
  'name',
  'communityId',
  'blockId',
  'leadUnitId',
  'memberUnitIds',
  'validFrom',
  'geometry',
] as const;
const COMMUNITY: readonly ['community'] = ['community'];

/** Accepts a bare geometry, a Feature or a one-feature FeatureCollection. */
export function parseGeometry(text: string): GridGeometry | null {
  try {
    let value = JSON.parse(text) as {
      type?: string;
      geometry?: unknown;
      features?: { geometry?: unknown }[];
    };
    if (value.type === 'FeatureCollection' && value.features?.length === 1)
      value = value.features[0] as typeof value;
    const candidate = value.type === 'Feature' ? value.geometry : value;
    const parsed = gridGeometrySchema.safeParse(candidate);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Create (grid = null) or edit a grid's attributes; a new boundary opens a new version server-side. */
export function GridFormDrawer({
  open,
  grid,
  onClose,
}: {
  open: boolean;
  grid: Grid | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateGrid();
  const update = useUpdateGrid();
  const [formError, setFormError] = useState<string | null>(null);

  const close = () => {
    setFormError(null);
    onClose();
  };

  const submit = async () => {
    const values = await form.validateFields();
    const geometry = values.geometry?.trim() ? parseGeometry(values.geometry) : null;
    const common: UpdateGrid = {
      name: values.name.trim(),
      communityId: values.communityId,
      blockId: values.blockId ?? null,
      leadUnitId: values.leadUnitId ?? null,
      memberUnitIds: values.memberUnitIds ?? [],
      ...(values.validFrom ? { validFrom: values.validFrom } : {}),
      ...(geometry ? { geometry } : {}),
    };
    setFormError(null);
    const onError = (error: unknown) => {
      if (!applyFieldErrors(form, error, FIELDS)) setFormError(errorMessage(error, locale));
    };
    if (grid) {
      update.mutate(
        { id: grid.id, body: common },
        {
          onSuccess: () => {
            message.success(t('common.saved'));
            close();
          },
          onError,
        },
      );
    } else if (geometry) {
      const body = { ...common, code: values.code.trim(), geometry, workerIds: [] } as CreateGrid;
      create.mutate(body, {
        onSuccess: () => {
          message.success(t('common.created'));
          close();
        },
        onError,
      });
    }
  };

  const initial: Partial<Values> = grid
    ? {
        code: grid.code,
        name: grid.name,
        communityId: grid.community?.id,
        blockId: grid.block?.id ?? null,
        leadUnitId: grid.leadUnit?.id ?? null,
        memberUnitIds: grid.memberUnitIds,
        validFrom: grid.validFrom.slice(0, 10),
      }
    : { memberUnitIds: [], validFrom: todayInCity() };

  return (
    <FormDrawer
      open={open}
      title={grid ? t('grids.editTitle') : t('grids.createTitle')}
      onClose={close}
      onSubmit={submit}
      submitting={create.isPending || update.isPending}
      error={formError}
      width={600}
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item
          name="code"
          label={t('common.code')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('common.code') }) },
          ]}
        >
          <Input disabled={Boolean(grid)} className="cc-mono" maxLength={20} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('common.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('common.name') }) },
          ]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="communityId"
          label={t('grids.community')}
          rules={[{ required: true, message: t('common.required', { field: t('grids.community') }) }]}
        >
          <RegionTreeSelect levels={COMMUNITY} />
        </Form.Item>
        <Form.Item name="blockId" label={t('grids.block')}>
          <BlockSelect known={[grid?.block]} />
        </Form.Item>
        <Form.Item name="leadUnitId" label={t('grids.leadUnit')}>
          <UnitSelect known={[grid?.leadUnit]} />
        </Form.Item>
        <Form.Item name="memberUnitIds" label={t('grids.memberUnits')}>
          <UnitMultiSelect />
        </Form.Item>
        <Form.Item name="validFrom" label={t('grids.validFrom')}>
          <Input type="date" style={{ maxWidth: 200 }} />
        </Form.Item>
        <Form.Item
          name="geometry"
          label={t('grids.geometry')}
          extra={grid ? t('grids.geometryKeep') : t('grids.geometryHint')}
          rules={[
            { required: !grid, message: t('common.required', { field: t('grids.geometry') }) },
            {
              validator: (_, value: string | undefined) =>
                !value?.trim() || parseGeometry(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('grids.geometryInvalid'))),
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 12 }}
            className="cc-mono"
            placeholder='{"type":"Polygon","coordinates":[[[lng,lat],…]]}'
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
