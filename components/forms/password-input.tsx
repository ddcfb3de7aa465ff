"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { TextInput } from "@/components/forms/text-input";

interface PasswordInputProps {
  id: string;
  label: string;
  autoComplete: "current-password" | "new-password";
  registration: UseFormRegisterReturn;
  error?: string;
  hint?: string;
}

export function PasswordInput(props: PasswordInputProps) {
  return <TextInput {...props} type="password" dir="ltr" required />;
}
