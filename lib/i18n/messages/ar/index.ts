// One file per namespace, so that features can add their messages without touching each other's.
import common from "./common.json";
import errors from "./errors.json";
import figures from "./figures.json";
import home from "./home.json";
import loading from "./loading.json";
import metadata from "./metadata.json";
import siteStatus from "./siteStatus.json";
import auth from "./auth.json";
import staff from "./staff.json";
import actions from "./actions.json";
import validation from "./validation.json";
import account from "./account.json";
import users from "./users.json";
import audit from "./audit.json";
import people from "./people.json";
import peopleEdits from "./peopleEdits.json";
import forensic from "./forensic.json";
import graveSites from "./graveSites.json";
import remains from "./remains.json";
import custody from "./custody.json";
import map from "./map.json";
import dashboard from "./dashboard.json";
import identifications from "./identifications.json";
import familyPortal from "./familyPortal.json";
import kinship from "./kinship.json";
import type english from "../en";
import importMessages from "./import.json";
import exportMessages from "./export.json";
import dossierMessages from "./dossier.json";
import settings from "./settings.json";
import approvals from "./approvals.json";
import belongings from "./belongings.json";
import amPm from "./amPm.json";
import aftercare from "./aftercare.json";
import onlineReport from "./onlineReport.json";
import field from "./field.json";
import pedigree from "./pedigree.json";

// Typed as the English catalogue: a namespace or key missing in Arabic fails the type check.
const messages: typeof english = {
  Common: common,
  Errors: errors,
  Figures: figures,
  Home: home,
  Loading: loading,
  Metadata: metadata,
  SiteStatus: siteStatus,
  Auth: auth,
  Staff: staff,
  Actions: actions,
  Validation: validation,
  Account: account,
  Users: users,
  Audit: audit,
  People: people,
  PeopleEdits: peopleEdits,
  Forensic: forensic,
  GraveSites: graveSites,
  Remains: remains,
  Custody: custody,
  Map: map,
  Dashboard: dashboard,
  Identifications: identifications,
  FamilyPortal: familyPortal,
  Kinship: kinship,
  Import: importMessages,
  Export: exportMessages,
  Dossier: dossierMessages,
  Settings: settings,
  Approvals: approvals,
  Belongings: belongings,
  AmPm: amPm,
  Aftercare: aftercare,
  OnlineReport: onlineReport,
  Field: field,
  Pedigree: pedigree,
};

export default messages;
