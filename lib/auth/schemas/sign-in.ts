import { z } from "zod";

export const signInSchema = z.object({
  username: z.string().trim().min(1, { error: "required" }).max(64, { error: "tooLong" }),
  password: z.string().min(1, { error: "required" }).max(256, { error: "tooLong" }),
});

export type SignInValues = z.infer<typeof signInSchema>;
