"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { PasswordInput } from "@/components/forms/password-input";
import { TextInput } from "@/components/forms/text-input";
import { signInProblemOf, signInSchema, type SignInProblem, type SignInValues } from "@/lib/auth/schemas/sign-in";

function ProblemMessage({ problem }: { problem: SignInProblem | null }) {
  const t = useTranslations("Auth");
  if (!problem) return <div role="status" aria-live="polite" />;
  const text =
    problem.kind === "throttled" ? t("throttled", { minutes: problem.minutes }) : problem.kind === "callbackUrl" ? t("linkInvalid") : t("failed");
  return (
    <div role="alert" aria-live="polite" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900" data-testid="sign-in-problem">
      {text}
    </div>
  );
}

/** `initialError`: next-auth's error code when it sent the browser back here (?error=…). */
export function SignInForm({ initialError }: { initialError?: string }) {
  const t = useTranslations("Auth");
  const locale = useLocale();
  const [problem, setProblem] = useState<SignInProblem | null>(signInProblemOf(initialError));
  const form = useForm<SignInValues>({ resolver: zodResolver(signInSchema), defaultValues: { username: "", password: "", code: "" } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setProblem(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    // One message for every refusal: nothing tells whether the username exists. A throttled try says
    // how long to wait, for unknown usernames just the same.
    if (!result || result.error || !result.ok) {
      setProblem(signInProblemOf(result?.error ?? "failed"));
      form.resetField("password");
      form.resetField("code");
      return;
    }
    // A full page load, not router.replace: the client router may still hold the staff pages as they
    // were prefetched while signed out (a redirect to this page), and following those loops here.
    window.location.assign(new URL(`/${locale}/staff`, window.location.origin));
  });

  return (
    // React ignores the promise; the handler shows its own outcome (a refusal, or the staff pages).
    <form onSubmit={(event) => void submit(event)} method="post" noValidate className="space-y-5" data-testid="sign-in-form">
      <ProblemMessage problem={problem} />
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
      <TextInput
        id="code"
        label={t("code")}
        hint={t("codeHint")}
        autoComplete="one-time-code"
        inputMode="numeric"
        dir="ltr"
        registration={form.register("code")}
        error={errors.code?.message}
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
