// Team settings: one record per key, shared by the whole team. The id is derived from team and key,
// so two phones that create the same setting offline write ONE record (merged field by field)
// instead of two competing ones.
import * as v from 'valibot';
import { defineTable } from './table-rules';
import { choice, recordId, requiredText } from './common';
import { key, message } from '../i18n/message';

export const settingKeys = ['hygiene_items'] as const;
export type SettingKey = (typeof settingKeys)[number];

/**
 * Suggested hygiene checklist items (keys get labels from the catalogue). A team starts without a
 * checklist (issue 27 item 9, docs/decisions.md) and may switch one on with these or its own.
 */
export const defaultHygieneItems = [
  'distance',
  'masks',
  'ventilation',
  'contact_list',
  'room_capacity',
] as const;
export type DefaultHygieneItem = (typeof defaultHygieneItems)[number];

const hygieneItemsValue = v.pipe(
  v.array(requiredText(80, 'rules.settings.itemText'), key('rules.settings.itemList')),
  v.maxLength(20, key('rules.settings.itemsMax')),
  v.check((items) => new Set(items).size === items.length, key('rules.settings.itemOnce')),
);

const valueSchemas: Record<SettingKey, v.GenericSchema> = {
  hygiene_items: hygieneItemsValue,
};

export const settingSchema = v.pipe(
  v.object({
    id: recordId,
    key: choice(settingKeys, 'rules.settings.unknownKey'),
    value: v.unknown(),
  }),
  v.forward(
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const result = v.safeParse(valueSchemas[dataset.value.key], dataset.value.value);
      if (!result.success) {
        // `expected` carries a bound such as "<=80", which the message's {max} is filled from.
        const [issue] = result.issues;
        addIssue({ message: issue.message, expected: issue.expected ?? undefined });
      }
    }),
    ['value'],
  ),
);
export type Setting = v.InferOutput<typeof settingSchema>;

export const settingTable = defineTable<Setting>({
  schema: settingSchema,
  immutable: ['key'],
  checkChange(prev, next) {
    if (prev && prev.key !== next.key) return message('rules.settings.keyFixed');
    return null;
  },
});

/**
 * The hygiene items of the team: the stored list, or none (no checklist) before the team saved one.
 * A stored value this app cannot read also shows none rather than items the team never chose.
 */
export function hygieneItemsOf(setting: Pick<Setting, 'value'> | undefined): readonly string[] {
  const parsed = setting ? v.safeParse(hygieneItemsValue, setting.value) : undefined;
  return parsed?.success ? parsed.output : [];
}

export function isDefaultHygieneItem(item: string): item is DefaultHygieneItem {
  return (defaultHygieneItems as readonly string[]).includes(item);
}

/**
 * The id of a team setting: a UUID-shaped (version 8, RFC 9562 "custom") 128-bit hash of team id
 * and key. Not a secret, only stable: the same inputs give the same id on every device.
 */
export function settingId(teamId: string, key: SettingKey): string {
  const bytes = hash128(`feldakte-setting\u0000${teamId}\u0000${key}`);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// cyrb128: four interleaved 32-bit multiply-xor lanes. Synchronous (Web Crypto digests are async),
// well spread, and identical in browsers, workers and Node.
function hash128(input: string): Uint8Array {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < input.length; i++) {
    const k = input.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  const bytes = new Uint8Array(16);
  const view = new DataView(bytes.buffer);
  [h1, h2, h3, h4].forEach((h, i) => view.setUint32(i * 4, h >>> 0));
  return bytes;
}
