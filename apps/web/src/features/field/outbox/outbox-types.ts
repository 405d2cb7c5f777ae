import type { CaseSource } from '@chuangcheng/contracts';

export type OutboxPhotoKind = 'before' | 'after';

/** A photo as taken on the phone: the picture plus where and when the page saw it being taken. */
export interface OutboxPhoto {
  /** Local id, stable across retries. */
  key: string;
  kind: OutboxPhotoKind;
  blob: Blob;
  name: string;
  /** ISO instant the photo reached the page (browsers strip EXIF GPS and often the time). */
  capturedAt: string;
  lng: number | null;
  lat: number | null;
  /** Server id once uploaded: a retry never uploads the same photo twice. */
  uploadedId: string | null;
}

/** The fields of a report, as composed (the photos travel separately). */
export interface OutboxReport {
  source: CaseSource;
  categoryId: string;
  conditionId: string | null;
  /** For the 待发送 list only. */
  categoryName: string;
  description: string;
  address: string | null;
  lng: number;
  lat: number;
  selfHandled: boolean;
}

export type OutboxStatus = 'pending' | 'failed';

/** One report waiting on the phone. Its id is the idempotency key: the server creates the case once. */
export interface OutboxEntry {
  id: string;
  /** Photos are accepted only from their uploader: an entry is sent by the user who composed it. */
  userId: string;
  createdAt: string;
  report: OutboxReport;
  photos: OutboxPhoto[];
  status: OutboxStatus;
  /** Failed attempts in a row that may heal (5xx, rate limit); drives the back-off. */
  attempts: number;
  /** Not before this instant (ISO), after a transient failure; null = now. */
  retryAt: string | null;
  /** The last refusal or failure, in Chinese, shown on the entry. */
  lastError: string | null;
}

/** What the server answered for a sent entry. */
export interface SentReport {
  entryId: string;
  caseId: string;
  number: string;
  description: string;
}
