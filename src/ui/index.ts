export { mountWidget, type MountOptions, type WidgetController } from './mount';
export type { Ui } from './state';
