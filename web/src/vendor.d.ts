// Cytoscape extensions ship no types; each registers itself through cytoscape.use().
declare module 'cytoscape-fcose' {
  const extension: import('cytoscape').Ext;
  export default extension;
}
declare module 'cytoscape-svg' {
  const extension: import('cytoscape').Ext;
  export default extension;
}
