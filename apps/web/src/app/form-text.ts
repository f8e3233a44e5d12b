/** A text field of a submitted form ('' when the form has no text field of that name). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
