// People and places: names, phone numbers, addresses.

import type { Draw } from './random';
import { ROADS, SURNAMES, GIVEN_FEMALE, GIVEN_MALE, type City, type District } from './vocabulary';

export function personName(draw: Draw, male = draw.chance(0.55)): string {
  const given = male ? GIVEN_MALE : GIVEN_FEMALE;
  return draw.pick(SURNAMES) + draw.pick(given) + (draw.chance(0.7) ? draw.pick(given) : '');
}

export function mobile(draw: Draw): string {
  return `1${draw.pick(['3', '5', '8', '7', '9'])}${draw.int(0, 9)}${draw.digits(8)}`;
}

export function landline(draw: Draw, city: City): string {
  return `${city.areaCode}-${draw.pick(['8', '6', '5'])}${draw.digits(7)}`;
}

export function shortPlace(district: District): string {
  return district.name.replace(/(新区|区|市|镇)$/, '');
}

export function addressOf(draw: Draw, city: City, district: District): string {
  const building = draw.chance(0.3) ? `${draw.int(1, 12)}幢${draw.int(1, 20)}0${draw.int(1, 9)}室` : '';
  return `${city.province}${city.name}市${district.name}${draw.pick(ROADS)}${draw.int(1, 999)}号${building}`;
}
