// Stand-in for office-addin-manifest under jest: the real package pulls ESM-only dependencies that
// jest on Node 20 cannot require, and office-addin-mock only reads this enum from it.
export enum OfficeApp {
  Excel = "excel",
  OneNote = "onenote",
  Outlook = "outlook",
  PowerPoint = "powerpoint",
  Project = "project",
  Word = "word",
}
