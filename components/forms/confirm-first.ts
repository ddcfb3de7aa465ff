import type { FormEvent } from "react";

/**
 * A submit handler that asks first, for steps that cannot be taken back from the form: declined,
 * nothing is sent.
 */
export function confirmFirst(question: string, submit: (event: FormEvent<HTMLFormElement>) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    if (!window.confirm(question)) {
      event.preventDefault();
      return;
    }
    submit(event);
  };
}
