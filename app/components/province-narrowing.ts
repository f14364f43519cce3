import { useEffect, type RefObject } from 'react';

// In a form with a province and a municipality select, choosing a province leaves only that
// province's municipalities to choose from. This runs only in the browser: without JavaScript every
// municipality stays in the list, and the server's filter still combines both choices.

type Municipality = { code: string; provinceCode: string };

/** Hides (and disables) the municipalities outside the chosen province; a hidden choice is cleared. */
function narrowMunicipalities(form: HTMLFormElement, provinceOf: Map<string, string>) {
  const province = form.elements.namedItem('province');
  const municipality = form.elements.namedItem('municipality');
  if (!(province instanceof HTMLSelectElement) || !(municipality instanceof HTMLSelectElement)) return;
  const chosen = province.value.toUpperCase();
  for (const option of Array.from(municipality.options)) {
    if (!option.value) continue;
    const outside = Boolean(chosen) && provinceOf.get(option.value) !== chosen;
    option.hidden = outside;
    option.disabled = outside;
  }
  for (const group of Array.from(municipality.querySelectorAll('optgroup'))) {
    group.hidden = Array.from(group.querySelectorAll('option')).every((o) => o.hidden);
  }
  if (municipality.selectedOptions[0]?.hidden) municipality.value = '';
}

export function useProvinceNarrowing(formRef: RefObject<HTMLFormElement>, municipalities: Municipality[], key: string) {
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const provinceOf = new Map(municipalities.map((m) => [m.code, m.provinceCode]));
    const narrow = () => narrowMunicipalities(form, provinceOf);
    narrow();
    const province = form.elements.namedItem('province');
    if (!(province instanceof HTMLSelectElement)) return;
    province.addEventListener('change', narrow);
    return () => province.removeEventListener('change', narrow);
  }, [formRef, municipalities, key]);
}
