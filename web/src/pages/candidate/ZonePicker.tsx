import { Select } from '@mantine/core';
import { allTimeZones, zoneLongName, zoneOffset } from './time';

type ZoneOption = { value: string; label: string };
let options: ZoneOption[] | undefined;

// "America/New York" finds New York when typed with a space.
const option = (zone: string): ZoneOption => ({ value: zone, label: zone.replaceAll('_', ' ') });

/** Every zone, and the shown one even when the browser lists it under another name. */
function zoneOptions(zone: string): ZoneOption[] {
  options ??= allTimeZones().map(option);
  return options.some((o) => o.value === zone) ? options : [option(zone), ...options];
}

/** The zone every time on the page is shown in: detected from the device, switchable. */
export function ZonePicker({ zone, onChange }: { zone: string; onChange: (zone: string) => void }) {
  return (
    <Select
      label="Your time zone"
      description={`Times are shown in ${zoneLongName(zone)} (${zoneOffset(zone)}).`}
      data={zoneOptions(zone)}
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
