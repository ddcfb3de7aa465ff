"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useMessage } from "@/components/forms/use-message";
import type { ActionResult } from "@/lib/actions/result";
import { DEVICE_STATE_ID, PHOTO_PREFIX, QUEUE_PREFIX, waitingItems, type DeviceState, type KnownSite, type QueuedItem, type QueuedPhoto } from "@/lib/field/device-state";
import { fieldStoreExists, openFieldStore, WrongPin, type FieldStore } from "@/lib/field/encrypted-store";
import type { CreateRemainsValues } from "@/lib/forensic/schemas/remains";
import { DEFAULT_CODE_BLOCK_SIZE, localReference, type FieldItemKind, type RegisterDeviceValues, type ReserveCodesValues } from "@/lib/field/schemas";
import { syncPhotos } from "@/lib/field/photo-sync";
import { syncQueue, type SyncItemAction } from "@/lib/field/sync-queue";
import { BodyCaptureForm, type EffectPhoto } from "./body-capture-form";
import { CustodyCaptureForm } from "./custody-capture-form";
import { FieldNoteForm } from "./field-note-form";
import { PhotoList } from "./photo-list";
import { PinGate } from "./pin-gate";
import { QueueList } from "./queue-list";
import { DeviceRegistration } from "./device-registration";
import { SiteCaptureForm } from "./site-capture-form";
import { SyncStatus } from "./sync-status";

export interface FieldActions {
  registerDevice: (input: RegisterDeviceValues) => Promise<ActionResult<{ deviceId: string; label: string }>>;
  reserveCodes: (input: ReserveCodesValues) => Promise<ActionResult<{ firstNumber: number; lastNumber: number }>>;
  syncItem: SyncItemAction;
}

export interface ServerSite {
  id: string;
  code: string;
  name: string;
  discoveredOn: string;
}

function uploadPhoto(body: FormData): Promise<Response> {
  return fetch("/api/staff/effect-photos", { method: "POST", body });
}

function subscribeOnline(callback: () => void) {
  window.addEventListener("online", callback);
  window.addEventListener("offline", callback);
  return () => {
    window.removeEventListener("online", callback);
    window.removeEventListener("offline", callback);
  };
}

function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
}

/** The sites the server listed while online, added to the device's own (their codes still need a block). */
function withServerSites(state: DeviceState, serverSites: ServerSite[]): DeviceState {
  const known = new Set(state.sites.map((site) => site.ref));
  const added = serverSites.filter((site) => !known.has(site.id)).map((site) => ({ ref: site.id, code: site.code, name: site.name, discoveredOn: site.discoveredOn, nextBody: 1, lastBody: 0 }));
  return added.length === 0 ? state : { ...state, sites: [...state.sites, ...added] };
}

/**
 * Field capture (issue 25): forms that work without a network, a queue kept encrypted on the device,
 * and a sync that sends each record once through the online actions' rules.
 */
export function FieldCapture({ actions, serverSites }: { actions: FieldActions; serverSites: ServerSite[] }) {
  const t = useTranslations("Field");
  const message = useMessage();
  const online = useOnline();
  const [storeExists, setStoreExists] = useState<boolean | null>(null);
  const [store, setStore] = useState<FieldStore | null>(null);
  const [state, setState] = useState<DeviceState | null>(null);
  const [queue, setQueue] = useState<QueuedItem[]>([]);
  const [photos, setPhotos] = useState<QueuedPhoto[]>([]);
  const [syncing, setSyncing] = useState(false);
  const [stoppedBy, setStoppedBy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void fieldStoreExists().then(setStoreExists);
  }, []);

  async function unlock(pin: string): Promise<"ok" | "wrong"> {
    try {
      const opened = await openFieldStore(pin);
      const saved = await opened.get<DeviceState>(DEVICE_STATE_ID);
      const all = await opened.all<DeviceState | QueuedItem | QueuedPhoto>();
      setQueue(all.filter((entry): entry is QueuedItem => "itemId" in entry));
      setPhotos(all.filter((entry): entry is QueuedPhoto => "photoId" in entry));
      setState(saved ? withServerSites(saved, serverSites) : null);
      setStore(opened);
      return "ok";
    } catch (error) {
      if (error instanceof WrongPin) return "wrong";
      throw error;
    }
  }

  async function saveState(next: DeviceState) {
    await store?.put(DEVICE_STATE_ID, next);
    setState(next);
  }

  async function reserve(deviceId: string, siteId: string | null, current: DeviceState): Promise<DeviceState | null> {
    const result = await actions.reserveCodes({ deviceId, siteId, count: DEFAULT_CODE_BLOCK_SIZE });
    if (!result.ok) {
      setNotice(result.message);
      return null;
    }
    const { firstNumber, lastNumber } = result.data;
    if (siteId === null) return { ...current, nextSite: firstNumber, lastSite: lastNumber };
    return { ...current, sites: current.sites.map((site) => (site.ref === siteId ? { ...site, nextBody: firstNumber, lastBody: lastNumber } : site)) };
  }

  async function register(label: string) {
    const result = await actions.registerDevice({ label });
    if (!result.ok) return setNotice(result.message);
    const fresh: DeviceState = withServerSites({ deviceId: result.data.deviceId, label: result.data.label, nextSite: 1, lastSite: 0, sites: [], bodies: [], lastSyncAt: null }, serverSites);
    const reserved = await reserve(result.data.deviceId, null, fresh);
    await saveState(reserved ?? fresh);
  }

  async function enqueue(kind: FieldItemKind, payload: Record<string, unknown>, label: string, accuracy: number | null, nextState: (itemRef: string) => DeviceState): Promise<QueuedItem | null> {
    if (!store) return null;
    const item: QueuedItem = {
      itemId: crypto.randomUUID(), sequence: Date.now() + queue.length / 1000, kind, capturedAt: new Date().toISOString(),
      positionAccuracyMetres: accuracy, payload, label, state: "queued", outcome: null, lastError: null,
    };
    await store.put(QUEUE_PREFIX + item.itemId, item);
    setQueue((current) => [...current, item]);
    await saveState(nextState(localReference(item.itemId)));
    setNotice("Field.queued");
    return item;
  }

  /** The photographs of a body's effects, encrypted beside the body's queued record. */
  async function keepPhotos(body: QueuedItem, values: CreateRemainsValues, chosen: EffectPhoto[]) {
    if (!store) return;
    const kept: QueuedPhoto[] = [];
    for (const { effectIndex, file } of chosen) {
      const effect = values.effects[effectIndex];
      if (!effect) continue;
      const photo: QueuedPhoto = {
        photoId: crypto.randomUUID(), bodyItemId: body.itemId, effectKind: effect.kind, effectDescription: effect.description ?? "", effectNumber: effectIndex + 1,
        label: body.label, fileName: file.name, contentType: file.type || "application/octet-stream",
        // A camera's file is made when the picture is taken; a clock ahead of now is not believed.
        capturedAt: new Date(Math.min(file.lastModified || Date.now(), Date.now())).toISOString(), state: "waiting", lastError: null,
      };
      await store.putBytes(PHOTO_PREFIX + photo.photoId, await file.arrayBuffer());
      await store.put(PHOTO_PREFIX + photo.photoId, photo);
      kept.push(photo);
    }
    setPhotos((current) => [...current, ...kept]);
  }

  const sync = useCallback(async () => {
    if (!store || !state || syncing) return;
    setSyncing(true);
    const result = await syncQueue(store, actions.syncItem, state, queue);
    setState(result.state);
    setQueue(result.queue);
    const sent = result.stoppedBy ? null : await syncPhotos(store, uploadPhoto, state.deviceId, result.queue, photos);
    if (sent) setPhotos(sent.photos);
    setStoppedBy(result.stoppedBy ?? sent?.stoppedBy ?? null);
    setSyncing(false);
  }, [store, state, syncing, queue, photos, actions.syncItem]);

  // Back online: send what waits without being asked (the latest sync, through a ref the listener reads).
  const latestSync = useRef(sync);
  useEffect(() => {
    latestSync.current = sync;
  }, [sync]);
  useEffect(() => {
    const syncWhenOnline = () => void latestSync.current();
    window.addEventListener("online", syncWhenOnline);
    return () => window.removeEventListener("online", syncWhenOnline);
  }, []);

  function lock() {
    store?.lock();
    setStore(null);
    setState(null);
    setQueue([]);
    setPhotos([]);
    setStoreExists(true);
  }

  async function discard(item: QueuedItem) {
    await store?.delete(QUEUE_PREFIX + item.itemId);
    setQueue((current) => current.filter((entry) => entry.itemId !== item.itemId));
  }

  if (storeExists === null) return <p>{t("loading")}</p>;
  if (!store) return <PinGate creating={!storeExists} onPin={unlock} />;
  if (!state) return <DeviceRegistration online={online} notice={notice} onRegister={register} />;

  const site = (ref: string) => state.sites.find((candidate) => candidate.ref === ref);
  const problems = queue.filter((item) => item.state === "conflict" || item.state === "refused" || item.lastError !== null).length;
  return (
    <div className="space-y-6">
      <SyncStatus online={online} waiting={waitingItems(queue).length} problems={problems} lastSyncAt={state.lastSyncAt} syncing={syncing} stoppedBy={stoppedBy} onSync={() => { setStoppedBy(null); void sync(); }} onLock={lock} />
      {notice ? <p role="status" className="rounded border border-line bg-accent-soft px-3 py-2" data-testid="field-notice">{message(notice)}</p> : null}
      <SiteCaptureForm
        siteNumber={state.nextSite <= state.lastSite ? state.nextSite : null}
        onQueue={async (values, accuracy) =>
          void (await enqueue("graveSite.create", values, values.code, accuracy, (ref) => ({
            ...state,
            nextSite: state.nextSite + 1,
            // The device holds this site's code, so every body number of it is the device's own.
            sites: [...state.sites, { ref, code: values.code, name: values.nameAr, discoveredOn: values.discoveredOn, nextBody: 1, lastBody: 9999 }],
          })))
        }
      />
      <BodyCaptureForm
        sites={state.sites}
        online={online}
        onReserve={async (chosen: KnownSite) => {
          const reserved = await reserve(state.deviceId, chosen.ref, state);
          if (reserved) await saveState(reserved);
        }}
        onQueue={async (values, chosen, effectPhotos) => {
          const body = await enqueue("remains.create", values, values.code, null, (ref) => ({
            ...state,
            sites: state.sites.map((candidate) => (candidate.ref === chosen.ref ? { ...candidate, nextBody: (site(chosen.ref)?.nextBody ?? 1) + 1 } : candidate)),
            bodies: [...state.bodies, { ref, code: values.code, remainsId: null, version: null, notes: values.notes }],
          }));
          if (body) await keepPhotos(body, values, effectPhotos);
        }}
      />
      <CustodyCaptureForm bodies={state.bodies} onQueue={async (values, body) => void (await enqueue("custody.record", values, body.code, null, () => state))} />
      <FieldNoteForm bodies={state.bodies} onQueue={async (values, body) => void (await enqueue("remains.fieldNote", values, body.code, null, () => state))} />
      <PhotoList photos={photos} />
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("queueTitle")}</h2>
        <QueueList
          queue={queue}
          onKeepTheirs={(item) => void discard(item)}
          onWriteMine={(item) => {
            const theirs = item.outcome?.status === "conflict" ? (item.outcome.theirs as { version?: number } | null) : null;
            if (typeof theirs?.version !== "number") return;
            void discard(item).then(() => enqueue("remains.fieldNote", { ...item.payload, version: theirs.version }, item.label, null, () => state));
          }}
        />
      </section>
    </div>
  );
}
