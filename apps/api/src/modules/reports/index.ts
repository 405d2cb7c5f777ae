export { type CjkFont, findCjkFont } from './cjk-font';
export { renderSupervisionOrderDocx } from './supervision-order.docx';
export { renderSupervisionOrderPdf } from './supervision-order.pdf';
export type { SupervisionOrderDoc } from './supervision-order.types';
