// Where the demo's children live and are placed. The authority is fictional but set in a real
// area (Bristol, LA code 801), so every postcode is a real one in the Royal Mail format, and each
// is a public place (council offices, libraries, hospitals, museums), never anyone's home.
import { stableId } from "./ids";

/** Public places whose postcodes stand in for the children's home addresses (SSDA903 HOME_POST). */
export const HOME_POSTCODES = [
  "BS1 5TR", // City Hall, College Green
  "BS1 5TL", // Central Library
  "BS8 1RL", // Bristol Museum and Art Gallery
  "BS2 8HW", // Bristol Royal Infirmary
  "BS10 5NB", // Southmead Hospital
  "BS2 8BJ", // Bristol Royal Hospital for Children
  "BS1 6QF", // Temple Meads station
  "BS1 3BX", // Cabot Circus
] as const;

export interface DemoCarer {
  key: string;
  id: string;
  kind: "foster_carer" | "childrens_home";
  name: string;
  /** A public place's postcode near where the carer or home is (SSDA903 PL_POST). */
  postcode: string;
  /**
   * Ofsted's unique reference number (SSDA903 URN): a home's own; for a foster household, the URN
   * of the fostering service that approved them, as the Department asks.
   */
  urn: string | null;
  /** Who provides the placement (SSDA903 PLACE_PROVIDER). */
  provider: "PR1" | "PR2" | "PR4" | "PR5";
}

const carer = (key: string, c: Omit<DemoCarer, "key" | "id">): DemoCarer => ({
  key,
  id: stableId(`carer:${key}`),
  ...c,
});

/** The demo's foster households and children's homes; the first two keep the ids earlier seeds gave them. */
export const DEMO_CARER_LIST: readonly DemoCarer[] = [
  carer("hawthorn", {
    kind: "foster_carer",
    name: "The Hawthorn household, foster carers (fictional)",
    postcode: "BS1 5TR",
    urn: "SC999100",
    provider: "PR1",
  }),
  carer("oakview", {
    kind: "childrens_home",
    name: "Oakview Children's Home (fictional)",
    postcode: "BS10 5NB",
    urn: "SC999001",
    provider: "PR4",
  }),
  carer("rowan", {
    kind: "foster_carer",
    name: "The Rowan household, foster carers (fictional)",
    postcode: "BS8 1RL",
    urn: "SC999100",
    provider: "PR1",
  }),
  carer("linden", {
    kind: "foster_carer",
    name: "The Linden household, Brightwater foster carers (fictional)",
    postcode: "BA1 5AW", // Bath Guildhall: a placement outside the authority's area
    urn: "SC999200",
    provider: "PR4",
  }),
  carer("willow", {
    kind: "foster_carer",
    name: "The Willow household, family and friends carers (fictional)",
    postcode: "BS2 8HW",
    urn: "SC999100",
    provider: "PR1",
  }),
  carer("cedar", {
    kind: "childrens_home",
    name: "Cedar Lodge Children's Home (fictional)",
    postcode: "BS37 5AF", // South Gloucestershire council offices, Yate
    urn: "SC999002",
    provider: "PR5",
  }),
];

export const demoCarer = (key: string): DemoCarer => {
  const c = DEMO_CARER_LIST.find((x) => x.key === key);
  if (!c) throw new Error(`no demo carer ${key}`);
  return c;
};
