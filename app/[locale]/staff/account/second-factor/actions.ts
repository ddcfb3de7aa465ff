"use server";

import { defineAction } from "@/lib/actions/define-action";
import { confirmSecondFactorEnrolment, startSecondFactorEnrolment } from "@/lib/auth/second-factor";
import { confirmSecondFactorSchema, startSecondFactorSchema } from "@/lib/auth/schemas/second-factor";

export const startSecondFactor = defineAction("account.startSecondFactor", startSecondFactorSchema, startSecondFactorEnrolment);
export const confirmSecondFactor = defineAction("account.confirmSecondFactor", confirmSecondFactorSchema, confirmSecondFactorEnrolment);
