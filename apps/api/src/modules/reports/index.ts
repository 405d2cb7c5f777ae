export { type CjkFont, findCjkFont } from './cjk-font';
export { renderSupervisionOrderDocx } from './supervision-order.docx';
export { docOfContent } from './supervision-order.model';
export { renderSupervisionOrderPdf } from './supervision-order.pdf';
export type { SupervisionOrderDoc, SupervisionOrderDocLine } from './supervision-order.types';
