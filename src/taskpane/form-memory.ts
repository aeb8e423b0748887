import { Template } from "../templates/model";

/**
 * The last values typed in each template's form, kept where a user expects them back:
 *
 * - in Excel, in the document's own settings (Office.context.document.settings), so the values
 *   travel with the workbook and another workbook starts from its own;
 * - outside Office (a plain browser), in the browser's local storage.
 *
 * What is kept is the text as typed ("10%", "$1,200"), one entry per template, under
 * "bizplan.form.<template id>". Reading is forgiving: an entry that is not an object of strings, or
 * names inputs the template no longer has, is ignored field by field, so a stored value never
 * breaks a form. Storage that is missing or refuses (private browsing, a full quota, a read-only
 * document) only means the values are not remembered.
 */
export interface FormStore {
  load(templateId: string): Record<string, string> | null;
  save(templateId: string, raw: Readonly<Record<string, string>>): void;
  clear(templateId: string): void;
}

export const STORE_PREFIX = "bizplan.form.";
/** Office's settings are written to the document by saveAsync; typing is coalesced into one save per pause. */
export const SAVE_DELAY_MS = 400;

const key = (templateId: string) => `${STORE_PREFIX}${templateId}`;

/** Only strings under names the template has: anything else in a stored entry is dropped. */
export function remembered(template: Template, stored: unknown): Record<string, string> {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return {};
  const names = new Set(template.inputs.map((i) => i.name));
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(stored as Record<string, unknown>)) if (names.has(name) && typeof value === "string") out[name] = value;
  return out;
}

function parse(text: unknown): Record<string, string> | null {
  if (typeof text !== "string") return text && typeof text === "object" ? (text as Record<string, string>) : null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The browser's local storage (outside Office), or null when it cannot be used. */
export function localStore(storage: Storage | undefined = typeof localStorage === "undefined" ? undefined : localStorage): FormStore | null {
  if (!storage) return null;
  return {
    load: (id) => {
      try {
        return parse(storage.getItem(key(id)));
      } catch {
        return null;
      }
    },
    save: (id, raw) => {
      try {
        storage.setItem(key(id), JSON.stringify(raw));
      } catch {
        // a full or refused storage: the values are just not remembered
      }
    },
    clear: (id) => {
      try {
        storage.removeItem(key(id));
      } catch {
        // as above
      }
    },
  };
}

/** The settings of the open document in Excel; saves are coalesced and written with saveAsync. */
export function documentStore(settings: Office.Settings, delayMs = SAVE_DELAY_MS): FormStore {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const persist = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      try {
        settings.saveAsync(() => undefined);
      } catch {
        // a read-only document: the values stay for this session only
      }
    }, delayMs);
  };
  return {
    load: (id) => {
      try {
        return parse(settings.get(key(id)));
      } catch {
        return null;
      }
    },
    save: (id, raw) => {
      try {
        settings.set(key(id), JSON.stringify(raw));
        persist();
      } catch {
        // as above
      }
    },
    clear: (id) => {
      try {
        settings.remove(key(id));
        persist();
      } catch {
        // as above
      }
    },
  };
}

/** Where this pane keeps the forms' values: the document in Excel, else local storage, else nowhere. */
export function formStore(inExcel: boolean): FormStore | null {
  const settings = inExcel && typeof Office !== "undefined" ? Office.context?.document?.settings : undefined;
  if (settings && typeof settings.get === "function" && typeof settings.set === "function") return documentStore(settings);
  return localStore();
}
