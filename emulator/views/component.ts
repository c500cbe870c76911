// A terse constructor for template components, so the view definitions read like the templates they are.
import type { ComponentType, JsonValue, LayoutConfiguration, ViewComponent } from './types.js';

export function c(
  _id: string,
  Type: ComponentType,
  Props: { [key: string]: JsonValue } = {},
  Content?: Array<ViewComponent | string>,
  Configuration?: LayoutConfiguration,
): ViewComponent {
  const component: ViewComponent = { _id, Type, Props };
  if (Content) component.Content = Content;
  if (Configuration) component.Configuration = Configuration;
  return component;
}

/** `Configuration` with a column layout. */
export function columns(...widths: string[]): LayoutConfiguration {
  return { Layout: { Columns: widths } };
}
