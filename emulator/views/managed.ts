// The AWS-managed views (account `aws`): cards, detail, list, form, confirmation. Their ViewData follows
// the documented Show View inputs (chat-protocol.md §3.3); the exact managed templates are not public,
// so these templates are the emulator's own rendering of those inputs in the documented vocabulary.
import { c, columns } from './component.js';
import type { JsonSchema, ViewDefinition } from './types.js';

export const MANAGED_VIEW_REGION = 'us-east-1';

function managedArn(name: string, version: number): string {
  return `arn:aws:connect:${MANAGED_VIEW_REGION}:aws:view/${name}:${version}`;
}

const str = (description?: string): JsonSchema => (description ? { type: 'string', description } : { type: 'string' });
const labelled: JsonSchema = { type: 'object', properties: { Label: str() }, required: ['Label'] };
const attributeBar: JsonSchema = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      Label: str(),
      Value: str(),
      LinkType: { type: 'string', enum: ['case', 'contact', 'external'] },
      ResourceId: str(),
      Copyable: { type: 'boolean' },
    },
    required: ['Label', 'Value'],
  },
};
const templateStrings: JsonSchema = {
  type: 'array',
  items: { type: 'object', properties: { TemplateString: str('plain text paragraph') }, required: ['TemplateString'] },
};

/** Header text shared by most managed views. */
const headings = (id: string) => [
  c(`${id}-heading`, 'TextContent', { Variant: 'heading' }, ['$.Heading']),
];

export const cardsView: ViewDefinition = {
  Id: 'cards',
  Arn: managedArn('cards', 1),
  Name: 'cards',
  Version: 1,
  Actions: ['ActionSelected', 'Back', 'NoMatchFound'],
  Template: {
    Head: { Title: 'cards', Configuration: columns('12') },
    Body: [
      ...headings('cards'),
      c('cards-list', 'Container', { ForEach: '$.Cards', CardsPerRow: '$.CardsPerRow' }, [
        c(
          'cards-card',
          'Card',
          {
            Id: '@.Summary.Id',
            Heading: '@.Summary.Heading',
            Icon: '@.Summary.Icon',
            Status: '@.Summary.Status',
            Description: '@.Summary.Description',
          },
          [
            c('cards-detail-heading', 'TextContent', { Variant: 'subheading' }, ['@.Detail.Heading']),
            c('cards-detail-description', 'TextContent', { Variant: 'body' }, ['@.Detail.Description']),
            c('cards-detail-sections', 'Container', { ForEach: '@.Detail.Sections' }, [
              c('cards-detail-section', 'TextContent', { Variant: 'body' }, ['@.TemplateString']),
            ]),
            c('cards-detail-actions', 'Container', { ForEach: '@.Detail.Actions', Direction: 'row' }, [
              c('cards-detail-action', 'Button', { Action: 'ActionSelected', Variant: 'primary', Output: { actionName: '@' } }, ['@']),
            ]),
          ],
        ),
      ]),
      c('cards-footer', 'ButtonGroup', {
        Items: [
          { Label: '$.NoMatchFound.Label', Action: 'NoMatchFound', Variant: 'link', FormAction: 'none', Visible: '$.NoMatchFound' },
          { Label: '$.Back.Label', Action: 'Back', Variant: 'secondary', FormAction: 'none', Visible: '$.Back' },
        ],
      }),
    ],
  },
  InputSchema: {
    type: 'object',
    properties: {
      Heading: str(),
      CardsPerRow: { type: 'string', enum: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] },
      Back: labelled,
      NoMatchFound: labelled,
      Cards: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            Summary: {
              type: 'object',
              properties: { Id: str(), Icon: str(), Heading: str(), Status: str(), Description: str() },
              required: ['Id', 'Heading'],
            },
            Detail: {
              type: 'object',
              properties: {
                Heading: str(),
                Description: str(),
                Sections: templateStrings,
                Actions: { type: 'array', items: str('the actionName sent with ActionSelected') },
              },
            },
          },
          required: ['Summary'],
        },
      },
    },
    required: ['Cards'],
  },
  Sample: {
    Heading: 'What can we help you with?',
    CardsPerRow: '2',
    Back: { Label: 'Back' },
    NoMatchFound: { Label: 'None of these' },
    Cards: [
      {
        Summary: {
          Id: 'billing',
          Icon: 'Receipt',
          Heading: 'Billing',
          Status: 'Most asked',
          Description: 'Invoices, refunds and payment methods.',
        },
        Detail: {
          Heading: 'Billing',
          Description: 'Pick what you need.',
          Sections: [{ TemplateString: 'Refunds arrive within 5 business days.' }],
          Actions: ['Get a refund', 'Update payment method'],
        },
      },
      {
        Summary: {
          Id: 'delivery',
          Icon: 'Truck',
          Heading: 'Delivery',
          Status: 'Updated today',
          Description: 'Track, reschedule or redirect a parcel.',
        },
        Detail: {
          Heading: 'Delivery',
          Description: 'Where is my parcel?',
          Sections: [{ TemplateString: 'Most parcels arrive in 2 days.' }],
          Actions: ['Track parcel', 'Reschedule delivery'],
        },
      },
    ],
  },
};

export const detailView: ViewDefinition = {
  Id: 'detail',
  Arn: managedArn('detail', 1),
  Name: 'detail',
  Version: 1,
  Actions: ['ActionSelected', 'Back'],
  Template: {
    Head: { Title: 'detail', Configuration: columns('12') },
    Body: [
      ...headings('detail'),
      c('detail-description', 'TextContent', { Variant: 'body' }, ['$.Description']),
      c('detail-attributes', 'AttributeBar', { Attributes: '$.AttributeBar', Visible: '$.AttributeBar' }),
      c('detail-sections', 'Container', { ForEach: '$.Sections' }, [
        c('detail-section', 'TextContent', { Variant: 'body' }, ['@.TemplateString']),
      ]),
      c('detail-actions', 'Container', { ForEach: '$.Actions', Direction: 'row' }, [
        c('detail-action', 'Button', { Action: 'ActionSelected', Variant: 'primary', Output: { actionName: '@' } }, ['@']),
      ]),
      c('detail-back', 'Button', { Action: 'Back', Variant: 'link', Visible: '$.Back' }, ['$.Back.Label']),
    ],
  },
  InputSchema: {
    type: 'object',
    properties: {
      Heading: str(),
      Description: str(),
      AttributeBar: attributeBar,
      Back: labelled,
      Sections: templateStrings,
      Actions: { type: 'array', items: str('the actionName sent with ActionSelected') },
    },
    required: ['Heading'],
  },
  Sample: {
    Heading: 'Order #10423',
    Description: 'Two items, shipped from Leeds.',
    AttributeBar: [
      { Label: 'Order', Value: '10423', Copyable: true },
      { Label: 'Status', Value: 'In transit' },
      { Label: 'Carrier', Value: 'Parcelo', LinkType: 'external', ResourceId: 'https://example.com/track/10423' },
    ],
    Back: { Label: 'Back' },
    Sections: [{ TemplateString: 'Expected on Thursday between 9:00 and 13:00.' }, { TemplateString: 'Signature required.' }],
    Actions: ['Reschedule', 'Leave with a neighbour'],
  },
};

export const listView: ViewDefinition = {
  Id: 'list',
  Arn: managedArn('list', 1),
  Name: 'list',
  Version: 1,
  Actions: ['ActionSelected', 'Back'],
  Template: {
    Head: { Title: 'list', Configuration: columns('12') },
    Body: [
      ...headings('list'),
      c('list-subheading', 'TextContent', { Variant: 'subheading' }, ['$.SubHeading']),
      c('list-items', 'Container', { ForEach: '$.Items', CardsPerRow: 1 }, [
        c('list-item', 'Card', {
          Id: '@.Id',
          Heading: '@.Heading',
          Description: '@.Description',
          Icon: '@.Icon',
          Action: 'ActionSelected',
          Output: { Id: '@.Id' },
        }),
      ]),
      c('list-back', 'Button', { Action: 'Back', Variant: 'link', Visible: '$.Back' }, ['$.Back.Label']),
    ],
  },
  InputSchema: {
    type: 'object',
    properties: {
      Heading: str(),
      SubHeading: str(),
      Back: labelled,
      Items: {
        type: 'array',
        items: {
          type: 'object',
          properties: { Id: str('sent as Output.Id'), Heading: str(), Description: str(), Icon: str() },
          required: ['Id', 'Heading'],
        },
      },
    },
    required: ['Items'],
  },
  Sample: {
    Heading: 'Your recent orders',
    SubHeading: 'Choose the order you need help with',
    Back: { Label: 'Back' },
    Items: [
      { Id: 'order-10423', Heading: 'Order #10423', Description: 'Running shoes, socks', Icon: 'Package' },
      { Id: 'order-10388', Heading: 'Order #10388', Description: 'Rain jacket', Icon: 'Package' },
      { Id: 'order-10301', Heading: 'Order #10301', Description: 'Water bottle', Icon: 'Package' },
    ],
  },
};

const formItemSchemas: JsonSchema[] = [
  {
    type: 'object',
    properties: {
      Type: { type: 'string', enum: ['FormInput'] },
      Name: str(),
      Label: str(),
      InputType: { type: 'string', enum: ['text', 'email', 'number', 'tel', 'url', 'password'] },
      Fluid: { type: 'boolean' },
      DefaultValue: str(),
    },
    required: ['Type', 'Name', 'Label'],
  },
  {
    type: 'object',
    properties: {
      Type: { type: 'string', enum: ['DatePicker'] },
      Name: str(),
      Label: str(),
      DefaultValue: str('YYYY-MM-DD'),
    },
    required: ['Type', 'Name', 'Label'],
  },
  {
    type: 'object',
    properties: {
      Type: { type: 'string', enum: ['Dropdown'] },
      Name: str(),
      Label: str(),
      Options: {
        type: 'array',
        items: { type: 'object', properties: { Label: str(), Value: str() }, required: ['Label', 'Value'] },
      },
      DefaultValue: { type: 'array', items: str() },
    },
    required: ['Type', 'Name', 'Label', 'Options'],
  },
];

export const formView: ViewDefinition = {
  Id: 'form',
  Arn: managedArn('form', 1),
  Name: 'form',
  Version: 1,
  Actions: ['Next', 'Back', 'Step', 'Cancel'],
  Template: {
    Head: { Title: 'form', Configuration: columns('12') },
    Body: [
      ...headings('form'),
      c('form-subheading', 'TextContent', { Variant: 'subheading' }, ['$.SubHeading']),
      c('form-wizard', 'Wizard', { Steps: '$.Wizard', CurrentStep: '$.CurrentStep', Action: 'Step', Visible: '$.Wizard' }),
      c('form-attributes', 'AttributeBar', { Attributes: '$.AttributeBar', Visible: '$.AttributeBar' }),
      c('form-error', 'Container', { Visible: '$.ErrorText' }, [
        c('form-error-heading', 'TextContent', { Variant: 'error', Icon: 'error' }, ['$.ErrorText.Heading']),
        c('form-error-content', 'TextContent', { Variant: 'body' }, ['$.ErrorText.Content']),
      ]),
      c(
        'form-form',
        'Form',
        { HideBorder: false },
        [
          c('form-sections', 'Container', { ForEach: '$.Sections' }, [
            c(
              'form-section',
              'FormSection',
              { Heading: '@.Heading' },
              [
                c('form-items', 'Container', { ForEach: '@.Items' }, [
                  c('form-input', 'FormInput', {
                    Name: '@.Name',
                    Label: '@.Label',
                    InputType: '@.InputType',
                    Fluid: '@.Fluid',
                    DefaultValue: '@.DefaultValue',
                  }),
                  c('form-date', 'DatePicker', { Name: '@.Name', Label: '@.Label', DefaultValue: '@.DefaultValue' }),
                  c('form-dropdown', 'Dropdown', {
                    Name: '@.Name',
                    Label: '@.Label',
                    Options: '@.Options',
                    DefaultValue: '@.DefaultValue',
                  }),
                ]),
              ],
              { Layout: { Columns: '@.Configuration.Layout.Columns' } },
            ),
          ]),
          c('form-next-details', 'TextContent', { Variant: 'caption', Visible: '$.Next.Details' }, ['$.Next.Details']),
          c('form-buttons', 'ButtonGroup', {
            Items: [
              { Label: '$.Cancel.Label', Action: 'Cancel', Variant: 'link', FormAction: 'none', Visible: '$.Cancel' },
              { Label: '$.Back.Label', Action: 'Back', Variant: 'secondary', FormAction: 'none', Visible: '$.Back' },
              { Label: '$.Next.Label', Action: 'Next', Variant: 'primary', FormAction: 'submit' },
            ],
          }),
        ],
        columns('12'),
      ),
    ],
  },
  InputSchema: {
    type: 'object',
    properties: {
      Heading: str(),
      SubHeading: str(),
      Back: labelled,
      Next: { type: 'object', properties: { Label: str(), Details: str() }, required: ['Label'] },
      Cancel: labelled,
      Wizard: {
        type: 'array',
        items: { type: 'object', properties: { Heading: str(), Optional: { type: 'boolean' } }, required: ['Heading'] },
      },
      CurrentStep: { type: 'integer', description: 'emulator extension: 0-based index of the active Wizard step' },
      ErrorText: { type: 'object', properties: { Heading: str(), Content: str() } },
      AttributeBar: attributeBar,
      Sections: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            Type: { type: 'string', enum: ['FormSection'] },
            Heading: str(),
            Configuration: {
              type: 'object',
              properties: {
                Layout: { type: 'object', properties: { Columns: { type: 'array', items: str() } }, required: ['Columns'] },
              },
            },
            Items: { type: 'array', items: { oneOf: formItemSchemas } },
          },
          required: ['Type', 'Items'],
        },
      },
    },
    required: ['Heading', 'Next', 'Sections'],
  },
  Sample: {
    Heading: 'Book a repair',
    SubHeading: 'Tell us about the device',
    Back: { Label: 'Back' },
    Next: { Label: 'Book', Details: 'We will confirm by email.' },
    Cancel: { Label: 'Cancel' },
    Wizard: [{ Heading: 'Device' }, { Heading: 'Appointment' }, { Heading: 'Review', Optional: true }],
    CurrentStep: 0,
    ErrorText: { Heading: 'Check the form', Content: 'The serial number has 10 characters.' },
    AttributeBar: [{ Label: 'Customer', Value: 'Jane Doe' }],
    Sections: [
      {
        Type: 'FormSection',
        Heading: 'Device',
        Configuration: { Layout: { Columns: ['6', '6'] } },
        Items: [
          { Type: 'FormInput', Name: 'serial', Label: 'Serial number', InputType: 'text', Fluid: true, DefaultValue: '' },
          {
            Type: 'Dropdown',
            Name: 'model',
            Label: 'Model',
            Options: [
              { Label: 'Kettle K1', Value: 'k1' },
              { Label: 'Toaster T2', Value: 't2' },
            ],
            DefaultValue: ['k1'],
          },
        ],
      },
      {
        Type: 'FormSection',
        Heading: 'Appointment',
        Configuration: { Layout: { Columns: ['6', '6'] } },
        Items: [
          { Type: 'DatePicker', Name: 'date', Label: 'Preferred date', DefaultValue: '2030-05-14' },
          { Type: 'FormInput', Name: 'email', Label: 'Email', InputType: 'email', Fluid: true, DefaultValue: 'jane@example.com' },
        ],
      },
    ],
  },
};

export const confirmationView: ViewDefinition = {
  Id: 'confirmation',
  Arn: managedArn('confirmation', 1),
  Name: 'confirmation',
  Version: 1,
  Actions: ['Next'],
  Template: {
    Head: { Title: 'confirmation', Configuration: columns('12') },
    Body: [
      c('confirmation-graphic', 'TextContent', { Variant: 'graphic', Icon: 'success', Visible: '$.Graphic.Include' }, []),
      ...headings('confirmation'),
      c('confirmation-subheading', 'TextContent', { Variant: 'subheading' }, ['$.SubHeading']),
      c('confirmation-next', 'Button', { Action: 'Next', Variant: 'primary', Output: { Label: '$.Next.Label' } }, ['$.Next.Label']),
    ],
  },
  InputSchema: {
    type: 'object',
    properties: {
      Heading: str(),
      SubHeading: str(),
      Graphic: { type: 'object', properties: { Include: { type: 'boolean' } } },
      Next: labelled,
    },
    required: ['Heading', 'Next'],
  },
  Sample: {
    Heading: 'Repair booked',
    SubHeading: 'Reference R-2291. We sent the details to jane@example.com.',
    Graphic: { Include: true },
    Next: { Label: 'Done' },
  },
};

export const MANAGED_VIEWS: ViewDefinition[] = [cardsView, detailView, listView, formView, confirmationView];
