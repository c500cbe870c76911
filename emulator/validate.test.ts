import { describe, expect, it } from 'vitest';
import { OPERATIONS } from './participant-model.js';
import { codePoints, validationMessage, violations } from './validate.js';

describe('model validation', () => {
  it('reports every violation AWS-style, naming the member path', () => {
    const found = violations({ MaxResults: 101, ScanDirection: 'UP', StartPosition: { MostRecent: -1 } }, OPERATIONS.GetTranscript.body, '');
    expect(validationMessage(found)).toBe(
      "3 validation errors detected: Value '101' at 'MaxResults' failed to satisfy constraint: Member must have value less than or equal to 100; " +
        "Value 'UP' at 'ScanDirection' failed to satisfy constraint: Member must satisfy enum value set: [FORWARD, BACKWARD]; " +
        "Value '-1' at 'StartPosition.MostRecent' failed to satisfy constraint: Member must have value greater than or equal to 0",
    );
  });

  it('checks types, required members, list sizes and list members', () => {
    expect(violations({ AttachmentIds: ['a', 'b'], ClientToken: 'x' }, OPERATIONS.CompleteAttachmentUpload.body, '')).toEqual([
      "Value '[\"a\",\"b\"]' at 'AttachmentIds' failed to satisfy constraint: Member must have length less than or equal to 1",
    ]);
    expect(violations({ AttachmentIds: [''], ClientToken: 'x' }, OPERATIONS.CompleteAttachmentUpload.body, '')[0]).toMatch(/'AttachmentIds\.1\.member'/);
    expect(violations({ ContentType: 5, Content: 'x' }, OPERATIONS.SendMessage.body, '')).toEqual([
      "Value '5' at 'ContentType' failed to satisfy constraint: Member must be a string",
    ]);
    expect(violations({ AttachmentSizeInBytes: 1.5, ContentType: 'a', AttachmentName: 'b', ClientToken: 'c' }, OPERATIONS.StartAttachmentUpload.body, '')[0]).toMatch(
      /Member must be an integer/,
    );
    expect(validationMessage([])).toBeUndefined();
  });

  it('counts code points, and caps messages at 2000 characters', () => {
    expect(codePoints('😀a')).toBe(2);
    const many = Array.from({ length: 100 }, () => 'x'.repeat(50));
    expect(validationMessage(many)?.length).toBe(2000);
  });
});
