export const primaryButtonClassName =
  "rounded bg-accent px-4 py-2 font-medium text-white hover:opacity-90 disabled:opacity-60";

export const dangerButtonClassName =
  "rounded bg-red-800 px-4 py-2 font-medium text-white hover:opacity-90 disabled:opacity-60";
