// AttributeBar / DataSection items: label-value pairs, optionally a link or copyable.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { safeLinkHref } from '../../content/url';
import { useViewEnv } from './env';
import { asArray, isRecord, toText, truthy } from './text';

export interface Attribute {
  label: string;
  value: string;
  /** Set when the value is to be shown as a link (LinkType given and an http(s)/mailto URL). */
  href?: string;
  copyable: boolean;
}

/**
 * [{Label, Value, LinkType?, ResourceId?, Copyable?}] or {"Label": "Value", …} -> attributes.
 * LinkType "external" links to ResourceId (or Value) when that is an http(s) URL; other link
 * types (case, contact) point into the agent's workspace and are shown as text.
 */
export function parseAttributes(raw: unknown): Attribute[] {
  if (isRecord(raw)) {
    return Object.entries(raw)
      .map(([label, value]) => ({ label, value: toText(value), copyable: false }))
      .filter((a) => a.value !== '');
  }
  const out: Attribute[] = [];
  for (const item of asArray(raw)) {
    if (!isRecord(item)) continue;
    const label = toText(item.Label ?? item.Name);
    const value = toText(item.Value);
    if (!label && !value) continue;
    const external = typeof item.LinkType === 'string' && item.LinkType.toLowerCase() === 'external';
    const href = external ? safeLinkHref(item.ResourceId ?? value) : null;
    out.push({ label, value, ...(href ? { href } : {}), copyable: truthy(item.Copyable) });
  }
  return out;
}

function CopyButton({ value, label }: { value: string; label: string }): JSX.Element {
  const { strings } = useViewEnv();
  const [copied, setCopied] = useState(false);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <>
      <button type="button" class="cw-view-copy" aria-label={`${strings.copy} ${label}`} onClick={() => void copy()}>
        {strings.copy}
      </button>
      <span class="cw-sr" aria-live="polite">
        {copied ? strings.copied : ''}
      </span>
    </>
  );
}

export function AttributeList({ items }: { items: Attribute[] }): JSX.Element | null {
  const { strings } = useViewEnv();
  if (items.length === 0) return null;
  return (
    <dl class="cw-view-attributes">
      {items.map((item, i) => (
        <div key={i} class="cw-view-attribute">
          <dt class="cw-view-attribute-label">{item.label}</dt>
          <dd class="cw-view-attribute-value">
            {item.href ? (
              <a href={item.href} target="_blank" rel="noopener noreferrer">
                {item.value}
                <span class="cw-sr">{` ${strings.opensInNewTab}`}</span>
              </a>
            ) : (
              item.value
            )}
            {item.copyable && item.value && <CopyButton value={item.value} label={item.label} />}
          </dd>
        </div>
      ))}
    </dl>
  );
}
