"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { PasswordInput } from "@/components/forms/password-input";
import { TextInput } from "@/components/forms/text-input";
import { signInSchema, type SignInValues } from "@/lib/auth/schemas/sign-in";

export function SignInForm() {
  const t = useTranslations("Auth");
  const locale = useLocale();
  const [failed, setFailed] = useState(false);
  const form = useForm<SignInValues>({ resolver: zodResolver(signInSchema), defaultValues: { username: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFailed(false);
    const result = await signIn("credentials", { ...values, redirect: false });
    // One message for every refusal: nothing tells whether the username exists or is locked.
    if (!result || result.error || !result.ok) {
      setFailed(true);
      form.resetField("password");
      return;
    }
    // A full page load, not router.replace: the client router may still hold the staff pages as they
    // were prefetched while signed out (a redirect to this page), and following those loops here.
    window.location.assign(new URL(`/${locale}/staff`, window.location.origin));
  });

  return (
    <form onSubmit={submit} method="post" noValidate className="space-y-5" data-testid="sign-in-form">
      <FormMessage message={failed ? { kind: "error", key: "Auth.failed" } : null} />
      <TextInput
        id="username"
        label={t("username")}
        autoComplete="username"
        dir="ltr"
        required
        registration={form.register("username")}
        error={errors.username?.message}
      />
      <PasswordInput
        id="password"
        label={t("password")}
        autoComplete="current-password"
        registration={form.register("password")}
        error={errors.password?.message}
      />
      <button
        type="submit"
        disabled={isSubmitting}
        className="w-full rounded bg-accent px-4 py-2 font-medium text-white hover:opacity-90 disabled:opacity-60"
      >
        {isSubmitting ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
