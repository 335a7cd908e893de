import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import { symbolFromFile } from "@/lib/backtest/cli/run-cli";
import { deleteDataset, insertDataset, listDatasets } from "@/lib/backtest/jobs/dataset-store";
import type { DatasetSummary } from "@/lib/backtest/jobs/run-view";
import { appendAudit } from "@/lib/db/audit";
import type { Database } from "@/lib/db/client";
import { parseRecordingBytes } from "@/lib/market/replay/detect-format";
import { RecordingFormatError } from "@/lib/market/replay/recording";
import { ApiError, notFound, validationError } from "../api-error";
import { assertUuid } from "./run-service";

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** What a gzipped upload may expand to: beyond this a recording is not worth parsing in the web process. */
const MAX_TEXT_BYTES = 400 * 1024 * 1024;
/** Room for the multipart boundaries and headers around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

const fieldsSchema = z.object({
  name: z.string().trim().min(1).max(80).optional(),
  symbol: z.string().trim().toUpperCase().regex(/^[A-Z0-9._/-]{1,40}$/, "letters, digits and . _ / - only").optional(),
}).strict();

const tooLarge = () => new ApiError(413, "PAYLOAD_TOO_LARGE", `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);

async function readForm(request: Request): Promise<FormData> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD) throw tooLarge();
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    throw new ApiError(400, "VALIDATION_ERROR", "Send the file as multipart/form-data in a field named 'file'");
  }
  try {
    return await request.formData();
  } catch {
    throw new ApiError(400, "VALIDATION_ERROR", "The multipart body could not be read");
  }
}

function formFields(form: FormData): { file: File; fields: z.infer<typeof fieldsSchema> } {
  const file = form.get("file");
  if (!(file instanceof File)) throw new ApiError(400, "VALIDATION_ERROR", "Invalid form: file: a file is required (field 'file')");
  const rest = Object.fromEntries([...form.entries()].filter(([key]) => key !== "file"));
  const fields = fieldsSchema.safeParse(rest);
  if (!fields.success) throw validationError(fields.error, "form");
  return { file, fields: fields.data };
}

/**
 * Stores an uploaded recording (freqtrade candles or trades JSON, backtesting.py CSV, gzipped or not) after parsing
 * it with the replay readers: a bad row is a 400 naming the row, a file over 50 MB a 413.
 */
export async function uploadDataset(db: Database, actor: Actor, request: Request): Promise<DatasetSummary> {
  const { file, fields } = formFields(await readForm(request));
  if (file.size > MAX_UPLOAD_BYTES) throw tooLarge();
  if (file.size === 0) throw new ApiError(400, "INVALID_DATASET", `${file.name}: the file is empty`);
  let parsed: ReturnType<typeof parseRecordingBytes>;
  try {
    parsed = parseRecordingBytes(new Uint8Array(await file.arrayBuffer()), file.name, MAX_TEXT_BYTES);
  } catch (error) {
    if (error instanceof RecordingFormatError) throw new ApiError(400, "INVALID_DATASET", error.message);
    throw error;
  }
  const dataset = await insertDataset(db, {
    name: fields.name ?? file.name,
    symbol: fields.symbol ?? symbolFromFile(file.name),
    format: parsed.format,
    recording: parsed.recording,
    createdBy: actor.userId,
  });
  await appendAudit(db, { actor: actorLabel(actor), action: "backtest.dataset.upload", target: dataset.id, details: { name: dataset.name, format: dataset.format, rows: dataset.barCount } });
  return dataset;
}

/** The caller's datasets, newest first, without their rows. */
export function listOwnDatasets(db: Database, actor: Actor): Promise<DatasetSummary[]> {
  return listDatasets(db, actor.userId);
}

/** Deletes one of the caller's datasets (404 for anyone else's). A run still queued on it fails with a message. */
export async function deleteOwnDataset(db: Database, actor: Actor, id: string): Promise<void> {
  const deleted = await deleteDataset(db, actor.userId, assertUuid(id, "dataset id"));
  if (!deleted) throw notFound(`Dataset ${id}`);
  await appendAudit(db, { actor: actorLabel(actor), action: "backtest.dataset.delete", target: id, details: { name: deleted.name } });
}
