"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

/** Beyond this the point may well be in the next field: the message asks to check it on the map. */
const ROUGH_ACCURACY_METRES = 100;
/** A phone's GPS needs a while from cold; past this it is not coming. */
const POSITION_TIMEOUT_MILLISECONDS = 30_000;

type PositionState =
  | { kind: "idle" }
  | { kind: "locating" }
  | { kind: "found"; accuracyMetres: number }
  | { kind: "failed"; reason: "denied" | "unavailable" | "timeout" | "unsupported" };

function failureReason(error: GeolocationPositionError): "denied" | "unavailable" | "timeout" {
  if (error.code === error.PERMISSION_DENIED) return "denied";
  if (error.code === error.TIMEOUT) return "timeout";
  return "unavailable";
}

/**
 * "Use my position": at the grave, the tablet's GPS fills the coordinates. The browser asks the
 * user first; a refusal, no fix or no GPS at all is said in words, and the map and the typed
 * coordinates still work.
 */
export function UseMyPositionButton({ onPosition }: { onPosition: (latitude: number, longitude: number) => void }) {
  const t = useTranslations("GraveSites");
  const [state, setState] = useState<PositionState>({ kind: "idle" });

  const locate = () => {
    if (!("geolocation" in navigator)) {
      setState({ kind: "failed", reason: "unsupported" });
      return;
    }
    setState({ kind: "locating" });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        onPosition(position.coords.latitude, position.coords.longitude);
        setState({ kind: "found", accuracyMetres: Math.round(position.coords.accuracy) });
      },
      (error) => setState({ kind: "failed", reason: failureReason(error) }),
      { enableHighAccuracy: true, timeout: POSITION_TIMEOUT_MILLISECONDS, maximumAge: 0 },
    );
  };

  return (
    <div className="space-y-1">
      <button
        type="button"
        onClick={locate}
        disabled={state.kind === "locating"}
        className="rounded border border-accent px-3 py-1.5 text-sm font-medium text-accent hover:bg-accent-soft disabled:opacity-60"
        data-testid="use-my-position"
      >
        {state.kind === "locating" ? t("positionLocating") : t("useMyPosition")}
      </button>
      <p role="status" className="text-sm" data-testid="position-status">
        {state.kind === "found" && (
          <>
            {t("positionFound", { accuracy: state.accuracyMetres })}
            {state.accuracyMetres > ROUGH_ACCURACY_METRES && ` ${t("positionRough")}`}
          </>
        )}
        {state.kind === "failed" && <span className="font-medium text-red-800">{t(`positionFailed.${state.reason}`)}</span>}
      </p>
    </div>
  );
}
