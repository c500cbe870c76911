export { mountWidget, type MountOptions, type WidgetController } from './mount-widget';
export type { Ui } from './state';
