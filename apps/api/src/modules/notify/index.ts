export {
  dingtalkAdapter,
  type NotifyAdapter,
  type OutboundMessage,
  webhookAdapter,
  wecomAdapter,
} from './notify.adapters';
export { deliveryJob } from './notify.jobs';
export { registerNotifyRoutes } from './notify.routes';
export { createNotifyService, type InAppMessage, type NotifyService } from './notify.service';
