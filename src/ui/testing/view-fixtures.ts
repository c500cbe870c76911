// View fixtures for unit tests: emulator views as DescribeView would give them to the widget, and
// our own malformed / validation / hostile templates.
import type { ViewDescription } from '../../chat/types';
import { getView, sampleViewData } from '../../../emulator/views/index';

/** What ChatSession.describeView resolves for an emulator view (Template and InputSchema parsed). */
export function describeEmulatorView(name: string): ViewDescription {
  const view = getView(name);
  if (!view) throw new Error(`emulator has no view ${name}`);
  return {
    id: view.Id,
    arn: view.Arn,
    name: view.Name,
    version: view.Version,
    template: JSON.parse(view.Content.Template) as unknown,
    inputSchema: JSON.parse(view.Content.InputSchema) as unknown,
    actions: view.Content.Actions,
  };
}

/** A ViewResource message Content. viewData as given (object or string). */
export function viewMessage(viewId: string | undefined, viewToken: string, viewData: unknown): string {
  return JSON.stringify({
    templateType: 'ViewResource',
    version: '1.0',
    data: { content: { ...(viewId ? { viewId } : {}), viewToken, viewData } },
  });
}

/** The emulator's sample message for a view, top-level values given as JSON strings (as flows do). */
export function emulatorViewMessage(name: string, overrides: Record<string, unknown> = {}): string {
  const view = getView(name);
  const data: Record<string, unknown> = { ...(sampleViewData(name) ?? {}), ...overrides };
  const stringified = Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, typeof v === 'object' && v !== null ? JSON.stringify(v) : v]),
  );
  return viewMessage(view?.Arn, `token-${name}`, JSON.stringify(stringified));
}

const CUSTOM_ARN = 'arn:aws:connect:us-east-1:111122223333:instance/abc/view/';

export function customDescription(id: string, template: unknown, inputSchema: unknown = {}, actions: string[] = []): ViewDescription {
  return { id, arn: `${CUSTOM_ARN}${id}:1`, name: id, version: 1, template, inputSchema, actions };
}

/** A form whose rules come from Props and from InputSchema. */
export const VALIDATION_TEMPLATE = {
  Head: { Title: 'Signup' },
  Body: [
    {
      _id: 'f',
      Type: 'Form',
      Props: {},
      Content: [
        { _id: 'name', Type: 'FormInput', Props: { Name: 'name', Label: 'Full name', Required: true, Description: 'As on your ID' } },
        { _id: 'email', Type: 'FormInput', Props: { Name: 'email', Label: 'Email', InputType: 'email' } },
        { _id: 'age', Type: 'FormInput', Props: { Name: 'age', Label: 'Age', InputType: 'number' } },
        { _id: 'size', Type: 'Dropdown', Props: { Name: 'size', Label: 'Size', Options: [{ Label: 'Small', Value: 'S' }, { Label: 'Medium', Value: 'M' }] } },
        { _id: 'when', Type: 'DatePicker', Props: { Name: 'when', Label: 'Start date' } },
        {
          _id: 'buttons',
          Type: 'ButtonGroup',
          Props: { Items: [{ Label: 'Sign up', Action: 'Submit', Variant: 'primary', FormAction: 'submit', Output: { Source: 'chat' } }] },
        },
      ],
    },
  ],
};

export const VALIDATION_SCHEMA = {
  type: 'object',
  required: ['email'],
  properties: {
    email: { type: 'string', format: 'email' },
    FormData: { type: 'object', required: ['size'], properties: { age: { type: 'integer', minimum: 18 }, size: { enum: ['S', 'M'] } } },
  },
};

/** Unknown components among known ones. */
export const UNKNOWN_COMPONENT_TEMPLATE = {
  Head: { Title: 'Mixed' },
  Body: [
    { _id: 't', Type: 'TextContent', Props: { Variant: 'heading' }, Content: ['Known heading'] },
    { _id: 'm', Type: 'Map', Props: { Lat: 1 }, Content: [{ _id: 'inner', Type: 'Button', Props: { Action: 'Inner' }, Content: ['Inner button'] }] },
    { _id: 'b', Type: 'Button', Props: { Action: 'Go' }, Content: ['Go'] },
  ],
};

/** Template strings and data trying to inject markup, script URLs and prototype access. */
export const HOSTILE_TEMPLATE = {
  Head: { Title: '<script>alert(1)</script>' },
  Body: [
    { _id: 'h', Type: 'TextContent', Props: { Variant: 'heading' }, Content: ['$.Heading'] },
    { _id: 'p', Type: 'TextContent', Props: {}, Content: ['<img src=x onerror=alert(2)> [x](javascript:alert(3))'] },
    { _id: 'a', Type: 'AttributeBar', Props: { Attributes: [{ Label: 'Link', Value: 'click', LinkType: 'external', ResourceId: 'javascript:alert(4)' }, { Label: 'Proto', Value: '$.constructor' }] } },
    { _id: 'c', Type: 'Card', Props: { Heading: '$.Heading', Description: '<svg onload=alert(5)>', Action: 'Pick', Id: 'c1' } },
    { _id: 'i', Type: 'FormInput', Props: { Name: 'x', Label: '<b>label</b>', DefaultValue: '"><script>alert(6)</script>' } },
  ],
};
