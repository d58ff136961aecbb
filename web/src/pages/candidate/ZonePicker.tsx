import { Select } from '@mantine/core';
import { allTimeZones, zoneLongName, zoneOffset } from './time';

let options: { value: string; label: string }[] | undefined;

// "America/New York" finds New York when typed with a space.
const zoneOptions = () => (options ??= allTimeZones().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })));

/** The zone every time on the page is shown in: detected from the device, switchable. */
export function ZonePicker({ zone, onChange }: { zone: string; onChange: (zone: string) => void }) {
  return (
    <Select
      label="Your time zone"
      description={`Times are shown in ${zoneLongName(zone)} (${zoneOffset(zone)}).`}
      data={zoneOptions()}
      value={zone}
      onChange={(next) => next && next !== zone && onChange(next)}
      searchable
      allowDeselect={false}
      nothingFoundMessage="No time zone matches. Try a city, like London or Chicago."
      limit={60}
      comboboxProps={{ withinPortal: true }}
      data-testid="zone-picker"
    />
  );
}
