import { describe, expect, it } from 'vitest';
import { bindingsIn, expandTemplate, parsePath, resolveBinding, resolveValue } from './bindings.js';
import { checkAgainstSchema } from './schema.js';
import type { JsonValue, ViewComponent, ViewTemplate } from './types.js';
import { COMPONENT_TYPES } from './types.js';
import { checkViewData, getView, getViewDefinition, listViews, parseViewData, sampleViewData } from './index.js';

const MANAGED = ['cards', 'detail', 'list', 'form', 'confirmation'];

/** Every component in the template, whatever the data (for static checks). */
function allComponents(template: ViewTemplate): ViewComponent[] {
  const out: ViewComponent[] = [];
  const walk = (component: ViewComponent) => {
    out.push(component);
    for (const child of component.Content ?? []) if (typeof child !== 'string') walk(child);
  };
  template.Body.forEach(walk);
  return out;
}

/** Actions a template can emit: Button/Card/Wizard Props.Action and ButtonGroup item Actions. */
function actionsUsed(template: ViewTemplate): string[] {
  const actions = new Set<string>();
  for (const component of allComponents(template)) {
    if (typeof component.Props.Action === 'string') actions.add(component.Props.Action);
    const items = component.Props.Items;
    if (component.Type === 'ButtonGroup' && Array.isArray(items)) {
      for (const item of items) {
        if (item && typeof item === 'object' && !Array.isArray(item) && typeof item.Action === 'string') actions.add(item.Action);
      }
    }
  }
  return [...actions];
}

describe('view catalogue', () => {
  it('lists the five AWS-managed views and at least one custom view', () => {
    const names = listViews();
    for (const name of MANAGED) expect(names).toContain(name);
    expect(names).toContain('DeliveryOptions');
    expect(names.length).toBeGreaterThan(MANAGED.length);
  });

  it('describes managed views with the aws-account ARN and finds them by name, ARN, unqualified ARN and $LATEST', () => {
    for (const name of MANAGED) {
      const view = getView(name);
      expect(view?.Arn).toBe(`arn:aws:connect:us-east-1:aws:view/${name}:1`);
      expect(view?.Name).toBe(name);
      expect(view?.Version).toBe(1);
      expect(getView(`arn:aws:connect:us-east-1:aws:view/${name}:1`)?.Name).toBe(name);
      expect(getView(`arn:aws:connect:eu-west-2:aws:view/${name}`)?.Name).toBe(name);
      expect(getView(`arn:aws:connect:us-east-1:aws:view/${name}:$LATEST`)?.Name).toBe(name);
    }
    expect(getView('arn:aws:connect:us-east-1:aws:view/cards:7')).toBeUndefined();
    expect(getView('nope')).toBeUndefined();
    expect(getView('arn:aws:connect:us-east-1:aws:view/nope:1')).toBeUndefined();
  });

  it('finds a custom view by Id and ARN, with an instance ARN', () => {
    const byName = getView('DeliveryOptions');
    expect(byName?.Arn).toMatch(/^arn:aws:connect:us-east-1:\d{12}:instance\/[0-9a-f-]+\/view\/.+:1$/);
    expect(getView(byName?.Id ?? '')?.Name).toBe('DeliveryOptions');
    expect(getView(byName?.Arn ?? '')?.Name).toBe('DeliveryOptions');
  });

  it('returns copies: mutating sample data does not change the catalogue', () => {
    const sample = sampleViewData('cards');
    expect(sample).toBeDefined();
    if (sample) sample.Heading = 'changed';
    expect(sampleViewData('cards')?.Heading).not.toBe('changed');
    expect(sampleViewData('nope')).toBeUndefined();
  });
});

describe.each(listViews())('view %s', (name) => {
  const described = getView(name);
  const definition = getViewDefinition(name);
  if (!described || !definition) throw new Error(`view ${name} missing`);
  const template = JSON.parse(described.Content.Template) as ViewTemplate;
  const sample = sampleViewData(name) ?? {};

  it('has a Template and InputSchema that parse as JSON and round-trip the definition', () => {
    expect(template).toEqual(definition.Template);
    expect(JSON.parse(described.Content.InputSchema)).toEqual(definition.InputSchema);
    expect(template.Head.Title).toBeTruthy();
    expect(Array.isArray(template.Body)).toBe(true);
    expect(template.Body.length).toBeGreaterThan(0);
  });

  it('uses only the documented component types, unique _ids and 12-column layouts', () => {
    const components = allComponents(template);
    const ids = components.map((component) => component._id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const component of components) {
      expect(COMPONENT_TYPES).toContain(component.Type);
      expect(component.Props).toBeTypeOf('object');
    }
    const layouts = [template.Head.Configuration, ...components.map((component) => component.Configuration)];
    for (const layout of layouts) {
      const columns = layout?.Layout.Columns;
      if (Array.isArray(columns)) {
        expect(columns.length).toBeGreaterThan(0);
        for (const width of columns) expect(Number(width)).toBeGreaterThanOrEqual(1);
        expect(columns.reduce((sum, width) => sum + Number(width), 0)).toBeLessThanOrEqual(12);
      }
    }
  });

  it('emits exactly the Actions it declares', () => {
    expect(actionsUsed(template).sort()).toEqual([...described.Content.Actions].sort());
  });

  it('sample data satisfies the InputSchema', () => {
    expect(checkAgainstSchema(definition.InputSchema, sample)).toEqual([]);
    expect(checkViewData(name, sample)).toEqual([]);
  });

  it('every binding resolves in the sample data, and every component renders for it', () => {
    const unresolved: string[] = [];
    const rendered = new Set<string>();
    expandTemplate(template, sample, ({ component, scope }) => {
      rendered.add(component._id);
      const values: JsonValue[] = [component.Props, ...(component.Content ?? []).filter((c): c is string => typeof c === 'string')];
      if (component.Configuration) values.push(component.Configuration.Layout.Columns);
      for (const binding of values.flatMap((value) => bindingsIn(value))) {
        if (resolveBinding(binding, sample, scope) === undefined) unresolved.push(`${component._id}: ${binding}`);
      }
    });
    expect(unresolved).toEqual([]);
    expect([...rendered].sort()).toEqual(allComponents(template).map((component) => component._id).sort());
  });
});

describe('bindings', () => {
  const data: JsonValue = { A: { B: [{ C: 'x' }, { C: 'y' }] }, Flag: false };

  it('parses and resolves $ and @ paths', () => {
    expect(parsePath('.A.B[1].C')).toEqual(['A', 'B', 1, 'C']);
    expect(resolveBinding('$.A.B[1].C', data, undefined)).toBe('y');
    expect(resolveBinding('@.C', data, { C: 'z' })).toBe('z');
    expect(resolveBinding('@', data, 'elem')).toBe('elem');
    expect(resolveBinding('$.A.Missing.C', data, undefined)).toBeUndefined();
    expect(resolveBinding('$.A.B.C', data, undefined)).toBeUndefined();
  });

  it('refuses a malformed path with a message saying what to write', () => {
    expect(() => parsePath('.A..B')).toThrow(/bad binding path ".A..B".*\$\.Name/);
  });

  it('resolves deeply and drops unresolved members', () => {
    expect(resolveValue({ L: '$.A.B[0].C', M: '$.Nope', N: ['$.Flag', 'lit'] }, data, undefined)).toEqual({ L: 'x', N: [false, 'lit'] });
  });

  it('hides Visible subtrees and repeats ForEach containers with Type matching', () => {
    const template: ViewTemplate = {
      Head: { Title: 't' },
      Body: [
        { _id: 'hidden', Type: 'TextContent', Props: { Visible: '$.Flag' }, Content: ['never'] },
        {
          _id: 'loop',
          Type: 'Container',
          Props: { ForEach: '$.Items' },
          Content: [
            { _id: 'in', Type: 'FormInput', Props: { Name: '@.Name' } },
            { _id: 'dp', Type: 'DatePicker', Props: { Name: '@.Name' } },
          ],
        },
      ],
    };
    const visited: string[] = [];
    expandTemplate(template, { Flag: false, Items: [{ Type: 'DatePicker', Name: 'd' }, { Type: 'FormInput', Name: 'i' }] }, ({ component, scope }) =>
      visited.push(`${component._id}:${JSON.stringify(resolveValue(component.Props.Name ?? null, {}, scope))}`),
    );
    expect(visited).toEqual(['loop:null', 'dp:"d"', 'in:"i"']);
  });
});

describe('checkViewData', () => {
  it('names the member that is wrong', () => {
    expect(checkViewData('cards', { Cards: [{ Summary: { Heading: 'no id' } }] })).toEqual(['$.Cards[0].Summary.Id is required']);
    expect(checkViewData('confirmation', { Heading: 1, Next: { Label: 'ok' } })).toEqual(['$.Heading must be a string, got a number']);
    expect(checkViewData('cards', '[1]')).toEqual(['viewData must be a JSON object (or a JSON string of one)']);
    expect(checkViewData('missing', {})[0]).toMatch(/unknown view "missing": use one of cards/);
  });

  it('accepts top-level values given as JSON strings, as ShowView allows', () => {
    const sample = sampleViewData('list') ?? {};
    const stringified = { ...sample, Items: JSON.stringify(sample.Items) };
    expect(parseViewData(stringified)?.Items).toEqual(sample.Items);
    expect(checkViewData('list', JSON.stringify(stringified))).toEqual([]);
  });

  it('reports form items that match none of the allowed shapes', () => {
    const sample = sampleViewData('form') ?? {};
    const broken = structuredClone(sample) as { Sections: Array<{ Items: JsonValue[] }> };
    broken.Sections[0].Items.push({ Type: 'Dropdown', Name: 'x', Label: 'X' });
    const problems = checkViewData('form', broken);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\$\.Sections\[0\]\.Items\[2\] matches none of its allowed shapes .*Options is required/);
  });
});
