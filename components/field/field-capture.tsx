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
import { learnFrom, syncQueue, withAnswered, type SyncItemAction } from "@/lib/field/sync-queue";
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
  // The device's latest state, ahead of React's next render: a change made in one event (a record
  // queued, an answer learned) must not be overwritten by another computed from an older render's
  // state, as a sync started the moment a body was saved did (it restored the state without the body).
  const latestState = useRef<DeviceState | null>(null);
  // The device's state is written to its store one write at a time, always the latest.
  const stateWrites = useRef<Promise<void>>(Promise.resolve());

  /** Makes `next` the device's state, shown at once and then kept in the store. */
  const replaceState = useCallback(
    (next: DeviceState): Promise<void> => {
      latestState.current = next;
      setState(next);
      if (!store) return Promise.resolve();
      const write = stateWrites.current.then(async () => {
        const latest = latestState.current;
        if (latest) await store.put(DEVICE_STATE_ID, latest);
      });
      stateWrites.current = write.catch(() => {});
      return write;
    },
    [store],
  );

  /** Changes the device's latest state (never an older render's copy of it) and keeps it. */
  const changeState = useCallback(
    (change: (latest: DeviceState) => DeviceState): Promise<void> => {
      const latest = latestState.current;
      return latest ? replaceState(change(latest)) : Promise.resolve();
    },
    [replaceState],
  );

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
      latestState.current = saved ? withServerSites(saved, serverSites) : null;
      setState(latestState.current);
      setStore(opened);
      return "ok";
    } catch (error) {
      if (error instanceof WrongPin) return "wrong";
      throw error;
    }
  }

  /** A block of codes reserved on the server, as a change to the device's state; null when refused. */
  async function reserve(deviceId: string, siteId: string | null): Promise<((current: DeviceState) => DeviceState) | null> {
    const result = await actions.reserveCodes({ deviceId, siteId, count: DEFAULT_CODE_BLOCK_SIZE });
    if (!result.ok) {
      setNotice(result.message);
      return null;
    }
    const { firstNumber, lastNumber } = result.data;
    if (siteId === null) return (current) => ({ ...current, nextSite: firstNumber, lastSite: lastNumber });
    return (current) => ({ ...current, sites: current.sites.map((site) => (site.ref === siteId ? { ...site, nextBody: firstNumber, lastBody: lastNumber } : site)) });
  }

  async function register(label: string) {
    const result = await actions.registerDevice({ label });
    if (!result.ok) return setNotice(result.message);
    const fresh: DeviceState = withServerSites({ deviceId: result.data.deviceId, label: result.data.label, nextSite: 1, lastSite: 0, sites: [], bodies: [], lastSyncAt: null }, serverSites);
    const block = await reserve(result.data.deviceId, null);
    await replaceState(block ? block(fresh) : fresh);
  }

  /**
   * Queues a record and, in the same render, what it changes on the device (a code used, a site or
   * body the next forms may name), computed from the device's latest state.
   */
  async function enqueue(
    kind: FieldItemKind,
    payload: Record<string, unknown>,
    label: string,
    accuracy: number | null,
    change?: (itemRef: string, latest: DeviceState) => DeviceState,
  ): Promise<QueuedItem | null> {
    if (!store) return null;
    const item: QueuedItem = {
      itemId: crypto.randomUUID(), sequence: Date.now() + queue.length / 1000, kind, capturedAt: new Date().toISOString(),
      positionAccuracyMetres: accuracy, payload, label, state: "queued", outcome: null, lastError: null,
    };
    await store.put(QUEUE_PREFIX + item.itemId, item);
    setQueue((current) => [...current, item]);
    if (change) await changeState((latest) => change(localReference(item.itemId), latest));
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
    const deviceId = latestState.current?.deviceId;
    if (!store || !deviceId || syncing) return;
    setSyncing(true);
    const result = await syncQueue(store, actions.syncItem, deviceId, queue, (item, answer) => changeState((latest) => learnFrom(latest, item, answer)));
    if (result.stoppedBy === null) await changeState((latest) => ({ ...latest, lastSyncAt: new Date().toISOString() }));
    setQueue((latest) => withAnswered(latest, result.queue, (item) => item.itemId));
    const sent = result.stoppedBy ? null : await syncPhotos(store, uploadPhoto, deviceId, result.queue, photos);
    if (sent) setPhotos((latest) => withAnswered(latest, sent.photos, (photo) => photo.photoId));
    setStoppedBy(result.stoppedBy ?? sent?.stoppedBy ?? null);
    setSyncing(false);
  }, [store, syncing, queue, photos, actions.syncItem, changeState]);

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
    latestState.current = null;
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

  const problems = queue.filter((item) => item.state === "conflict" || item.state === "refused" || item.lastError !== null).length;
  return (
    <div className="space-y-6">
      <SyncStatus online={online} waiting={waitingItems(queue).length} problems={problems} lastSyncAt={state.lastSyncAt} syncing={syncing} stoppedBy={stoppedBy} onSync={() => { setStoppedBy(null); void sync(); }} onLock={lock} />
      {notice ? <p role="status" className="rounded border border-line bg-accent-soft px-3 py-2" data-testid="field-notice">{message(notice)}</p> : null}
      <SiteCaptureForm
        siteNumber={state.nextSite <= state.lastSite ? state.nextSite : null}
        onQueue={async (values, accuracy) =>
          void (await enqueue("graveSite.create", values, values.code, accuracy, (ref, latest) => ({
            ...latest,
            nextSite: latest.nextSite + 1,
            // The device holds this site's code, so every body number of it is the device's own.
            sites: [...latest.sites, { ref, code: values.code, name: values.nameAr, discoveredOn: values.discoveredOn, nextBody: 1, lastBody: 9999 }],
          })))
        }
      />
      <BodyCaptureForm
        sites={state.sites}
        online={online}
        onReserve={async (chosen: KnownSite) => {
          const block = await reserve(state.deviceId, chosen.ref);
          if (block) await changeState(block);
        }}
        onQueue={async (values, chosen, effectPhotos) => {
          const body = await enqueue("remains.create", values, values.code, null, (ref, latest) => ({
            ...latest,
            // By code too: a sync may have given the site its server id since the form was drawn.
            sites: latest.sites.map((candidate) => (candidate.ref === chosen.ref || candidate.code === chosen.code ? { ...candidate, nextBody: candidate.nextBody + 1 } : candidate)),
            bodies: [...latest.bodies, { ref, code: values.code, remainsId: null, version: null, notes: values.notes }],
          }));
          if (body) await keepPhotos(body, values, effectPhotos);
        }}
      />
      <CustodyCaptureForm bodies={state.bodies} onQueue={async (values, body) => void (await enqueue("custody.record", values, body.code, null))} />
      <FieldNoteForm bodies={state.bodies} onQueue={async (values, body) => void (await enqueue("remains.fieldNote", values, body.code, null))} />
      <PhotoList photos={photos} />
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("queueTitle")}</h2>
        <QueueList
          queue={queue}
          onKeepTheirs={(item) => void discard(item)}
          onWriteMine={(item) => {
            const theirs = item.outcome?.status === "conflict" ? (item.outcome.theirs as { version?: number } | null) : null;
            if (typeof theirs?.version !== "number") return;
            void discard(item).then(() => enqueue("remains.fieldNote", { ...item.payload, version: theirs.version }, item.label, null));
          }}
        />
      </section>
    </div>
  );
}
