// The message at the top of a form when a save was refused (a rule of the record, a full disk).
export function FormAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p class="form-alert" role="alert" tabIndex={-1}>
      {message}
    </p>
  );
}
