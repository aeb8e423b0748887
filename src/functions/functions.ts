// Entry of the custom functions bundle. Each topic file holds its functions' JSDoc (from which
// custom-functions-metadata-plugin writes functions.json) and the plugin appends the
// CustomFunctions.associate calls to those files; this file only brings them into the bundle.
import "./goal";
import "./sales";
import "./downline";
import "./plans";
import "./simulate";
import "./simulate-plans";
