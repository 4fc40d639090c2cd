"use server";
// Server actions for the sections of a child's record kept as entries.
import {
  amendEntryFor,
  createEntryFor,
  markSignificant,
  saveDraftFor,
  sealMisfiledEntry,
} from "@/lib/records/entry-actions";

// Record a new entry in a section of a child's record
export async function createEntryAction(section: string, values: unknown) {
  return createEntryFor(section, values);
}

// Amend an entry: a new version with a reason; the earlier version stays readable
export async function amendEntryAction(section: string, values: unknown) {
  return amendEntryFor(section, values);
}

// Mark an entry significant (or not) in the chronology
export async function markSignificantAction(values: unknown) {
  return markSignificant(values);
}

// Autosave a long form's draft on the server
export async function saveDraftAction(values: unknown) {
  return saveDraftFor(values);
}

// Seal a misfiled entry (records officer): kept, hidden from everyone else
export async function sealEntryAction(values: unknown) {
  return sealMisfiledEntry(values);
}
