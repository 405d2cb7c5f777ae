export type {
  Block,
  CreateBlock,
  CreateGrid,
  CreatePerson,
  CreateUnit,
  Grid,
  GridDetail,
  Page,
  Person,
  Unit,
  UpdateGrid,
  UpdateUnit,
} from '@chuangcheng/contracts';
export type { z } from 'zod';
