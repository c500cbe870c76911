// Customer-managed views of the emulator's pretend instance: what a site owner would build in the
// Connect UI builder. DeliveryOptions is data-driven (ForEach over options); ReturnRequest is a literal
// form, so renderers are exercised with both bound and static props.
import { c, columns } from './component.js';
import type { JsonSchema, ViewDefinition } from './types.js';

/** The pretend instance that owns the custom views. */
export const EMULATOR_INSTANCE_ARN = 'arn:aws:connect:us-east-1:111122223333:instance/0e1d2c3b-4a59-4687-9abc-def012345678';

function customArn(id: string, version: number): string {
  return `${EMULATOR_INSTANCE_ARN}/view/${id}:${version}`;
}

const labelValueList: JsonSchema = {
  type: 'array',
  items: { type: 'object', properties: { Label: { type: 'string' }, Value: { type: 'string' } }, required: ['Label', 'Value'] },
};

export const deliveryOptionsView: ViewDefinition = {
  Id: '5f4a1c2e-9d3b-4b7a-8e61-delivery0001',
  Arn: customArn('5f4a1c2e-9d3b-4b7a-8e61-delivery0001', 1),
  Name: 'DeliveryOptions',
  Version: 1,
  Actions: ['OptionSelected', 'Reschedule', 'Agent', 'Cancel'],
  Template: {
    Head: { Title: 'DeliveryOptions', Configuration: columns('8', '4') },
    Body: [
      c('delivery-main', 'Container', {}, [
        c('delivery-heading', 'TextContent', { Variant: 'heading' }, ['$.Heading']),
        c('delivery-order', 'AttributeBar', { Attributes: '$.Order' }),
        c('delivery-options', 'Container', { ForEach: '$.Options', CardsPerRow: 1 }, [
          c('delivery-option', 'Card', {
            Id: '@.Id',
            Heading: '@.Title',
            Description: '@.Description',
            Status: '@.Price',
            Icon: '@.Icon',
            Action: 'OptionSelected',
            Output: { OptionId: '@.Id' },
          }),
        ]),
        c('delivery-more', 'ButtonGroup', {
          Items: [
            { Label: 'Reschedule', Action: 'Reschedule', Variant: 'secondary', FormAction: 'none' },
            { Label: 'Talk to an agent', Action: 'Agent', Variant: 'link', FormAction: 'none' },
          ],
        }),
      ]),
      c('delivery-side', 'Container', {}, [
        c('delivery-address', 'DataSection', { Heading: 'Delivery address', Items: '$.Address' }),
        c('delivery-note', 'TextContent', { Variant: 'caption', Visible: '$.Note' }, ['$.Note']),
        c('delivery-cancel', 'Button', { Action: 'Cancel', Variant: 'link' }, ['Cancel delivery']),
      ]),
    ],
  },
  InputSchema: {
    type: 'object',
    properties: {
      Heading: { type: 'string' },
      Order: {
        type: 'array',
        items: {
          type: 'object',
          properties: { Label: { type: 'string' }, Value: { type: 'string' }, Copyable: { type: 'boolean' } },
          required: ['Label', 'Value'],
        },
      },
      Options: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            Id: { type: 'string' },
            Title: { type: 'string' },
            Description: { type: 'string' },
            Price: { type: 'string' },
            Icon: { type: 'string' },
          },
          required: ['Id', 'Title'],
        },
      },
      Address: labelValueList,
      Note: { type: 'string' },
    },
    required: ['Heading', 'Options'],
  },
  Sample: {
    Heading: 'How should we deliver order #10423?',
    Order: [
      { Label: 'Order', Value: '10423', Copyable: true },
      { Label: 'Weight', Value: '2.4 kg' },
    ],
    Options: [
      { Id: 'standard', Title: 'Standard', Description: 'Thursday, 9:00–13:00', Price: 'Free', Icon: 'Truck' },
      { Id: 'evening', Title: 'Evening', Description: 'Wednesday, 18:00–21:00', Price: '£3.50', Icon: 'Moon' },
      { Id: 'locker', Title: 'Parcel locker', Description: 'Collect from Market St. from Wednesday', Price: 'Free', Icon: 'Locker' },
    ],
    Address: [
      { Label: 'Name', Value: 'Jane Doe' },
      { Label: 'Street', Value: '12 High Street' },
      { Label: 'City', Value: 'Leeds LS1 4AP' },
    ],
    Note: 'Changes are free until 20:00 the day before.',
  },
};

export const returnRequestView: ViewDefinition = {
  Id: '9b8c7d6e-1f20-4a3b-9c4d-return000001',
  Arn: customArn('9b8c7d6e-1f20-4a3b-9c4d-return000001', 1),
  Name: 'ReturnRequest',
  Version: 1,
  Actions: ['Submit', 'Cancel', 'Step'],
  Template: {
    Head: { Title: 'ReturnRequest', Configuration: columns('12') },
    Body: [
      c('return-heading', 'TextContent', { Variant: 'heading' }, ['Return an item']),
      c('return-wizard', 'Wizard', {
        Steps: [{ Heading: 'Item' }, { Heading: 'Pickup' }, { Heading: 'Confirm', Optional: true }],
        CurrentStep: 0,
        Action: 'Step',
      }),
      c(
        'return-form',
        'Form',
        { HideBorder: true },
        [
          c(
            'return-section',
            'FormSection',
            { Heading: 'Item and pickup' },
            [
              c('return-order', 'FormInput', {
                Name: 'orderNumber',
                Label: 'Order number',
                InputType: 'text',
                DefaultValue: '$.OrderNumber',
                Fluid: true,
              }),
              c('return-reason', 'Dropdown', {
                Name: 'reason',
                Label: 'Reason',
                Options: [
                  { Label: 'Too small', Value: 'too-small' },
                  { Label: 'Too large', Value: 'too-large' },
                  { Label: 'Damaged', Value: 'damaged' },
                  { Label: 'Changed my mind', Value: 'changed-mind' },
                ],
                DefaultValue: ['too-small'],
              }),
              c('return-date', 'DatePicker', { Name: 'pickupDate', Label: 'Pickup date', DefaultValue: '$.EarliestPickup' }),
              c('return-comment', 'FormInput', { Name: 'comment', Label: 'Anything else?', InputType: 'text', Fluid: true }),
            ],
            columns('6', '6'),
          ),
          c('return-buttons', 'ButtonGroup', {
            Items: [
              { Label: 'Cancel', Action: 'Cancel', Variant: 'link', FormAction: 'none' },
              { Label: 'Request return', Action: 'Submit', Variant: 'primary', FormAction: 'submit' },
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
      OrderNumber: { type: 'string' },
      EarliestPickup: { type: 'string', description: 'YYYY-MM-DD' },
    },
    required: ['OrderNumber'],
  },
  Sample: { OrderNumber: '10423', EarliestPickup: '2030-05-15' },
};

/** The built-in disconnect flow's rating step (emulator/survey.ts): one button per rating, and Skip. */
export const postChatSurveyView: ViewDefinition = {
  Id: '3c2b1a09-8e7f-4d6c-9b5a-survey000001',
  Arn: customArn('3c2b1a09-8e7f-4d6c-9b5a-survey000001', 1),
  Name: 'PostChatSurvey',
  Version: 1,
  Actions: ['Rate', 'Skip'],
  Template: {
    Head: { Title: 'PostChatSurvey', Configuration: columns('12') },
    Body: [
      c('survey-heading', 'TextContent', { Variant: 'heading' }, ['$.Heading']),
      c('survey-subheading', 'TextContent', { Variant: 'body', Visible: '$.SubHeading' }, ['$.SubHeading']),
      c('survey-ratings', 'Container', { ForEach: '$.Ratings', Direction: 'row' }, [
        c('survey-rating', 'Button', { Action: 'Rate', Variant: 'secondary', Output: { Rating: '@.Value' } }, ['@.Label']),
      ]),
      c('survey-skip', 'ButtonGroup', {
        Items: [{ Label: '$.Skip.Label', Action: 'Skip', Variant: 'link', FormAction: 'none', Visible: '$.Skip' }],
      }),
    ],
  },
  InputSchema: {
    type: 'object',
    properties: {
      Heading: { type: 'string' },
      SubHeading: { type: 'string' },
      Ratings: labelValueList,
      Skip: { type: 'object', properties: { Label: { type: 'string' } }, required: ['Label'] },
    },
    required: ['Heading', 'Ratings'],
  },
  Sample: {
    Heading: 'How did we do?',
    SubHeading: 'Rate this chat from 1 (poor) to 5 (excellent).',
    Ratings: [
      { Label: '1 Poor', Value: '1' },
      { Label: '2 Fair', Value: '2' },
      { Label: '3 Good', Value: '3' },
      { Label: '4 Very good', Value: '4' },
      { Label: '5 Excellent', Value: '5' },
    ],
    Skip: { Label: 'Skip' },
  },
};

export const CUSTOM_VIEWS: ViewDefinition[] = [deliveryOptionsView, returnRequestView, postChatSurveyView];
