// Shapes of view resources as the emulator stores them (objects) and as DescribeView returns them
// (Template and InputSchema as JSON strings, chat-protocol.md §3.3). See index.ts for the vocabulary.

/** The component types a template may use: exactly those of chat-protocol.md §3.3. */
export const COMPONENT_TYPES = [
  'Container',
  'Card',
  'Button',
  'ButtonGroup',
  'Form',
  'FormSection',
  'FormInput',
  'DatePicker',
  'Dropdown',
  'TextContent',
  'AttributeBar',
  'DataSection',
  'Wizard',
] as const;

export type ComponentType = (typeof COMPONENT_TYPES)[number];

/** A JSON value as it may appear in Props (strings may be `$.`/`@` bindings). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface LayoutConfiguration {
  /** Widths in twelfths, e.g. ["8","4"]; inside a ForEach it may be a binding to such an array. */
  Layout: { Columns: string[] | string };
}

export interface ViewComponent {
  _id: string;
  Type: ComponentType;
  Props: { [key: string]: JsonValue };
  /** Child components, or text (literal or a binding) for Button and TextContent. */
  Content?: Array<ViewComponent | string>;
  /** Grid of the children (Form, FormSection), like Head.Configuration. */
  Configuration?: LayoutConfiguration;
}

export interface ViewTemplate {
  Head: { Title: string; Configuration?: LayoutConfiguration };
  Body: ViewComponent[];
}

/** A JSON Schema (the subset the emulator's views use: type, properties, required, items, enum). */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  description?: string;
  properties?: { [key: string]: JsonSchema };
  required?: string[];
  items?: JsonSchema;
  enum?: JsonValue[];
  /** Alternatives (used where a value may be one of several shapes, e.g. a form item). */
  oneOf?: JsonSchema[];
}

/** A view as the emulator defines it: plain objects, stringified only when described. */
export interface ViewDefinition {
  Id: string;
  Arn: string;
  Name: string;
  Version: number;
  Template: ViewTemplate;
  InputSchema: JsonSchema;
  Actions: string[];
  /** Example ViewData that exercises every binding of the template. */
  Sample: { [key: string]: JsonValue };
}

/** The `View` member of a DescribeView response. */
export interface DescribedView {
  Id: string;
  Arn: string;
  Name: string;
  Version: number;
  Content: { Template: string; InputSchema: string; Actions: string[] };
}
