package id.rekber.escrow;

/**
 * The escrow-lifecycle BPMN shown on a deal's page: the version the deal's process instance runs,
 * so the highlighted steps ({@link DealProgress}) match the drawing.
 */
public interface DealDiagramSource {
  byte[] xml(Deal deal);
}
