import type { ComponentType } from 'react';
import type { CreatorDetail } from '@shared/creator-detail';

/**
 * Where other modules add to the creator detail (free samples, private contacts): a section is a component
 * that gets the creator and a `changed` callback to refetch after it edits something. Register at import
 * time; sections render in `order`, after the CRM's own.
 */
export interface CreatorDetailSection {
  id: string;
  order: number;
  component: ComponentType<{ creator: CreatorDetail; changed: () => void }>;
}

const sections: CreatorDetailSection[] = [];

export function registerCreatorDetailSection(section: CreatorDetailSection): void {
  const i = sections.findIndex((s) => s.id === section.id);
  if (i >= 0) sections.splice(i, 1);
  sections.push(section);
  sections.sort((a, b) => a.order - b.order);
}

export function creatorDetailSections(): readonly CreatorDetailSection[] {
  return sections;
}
