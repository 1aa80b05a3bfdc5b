package id.rekber.platform;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorRequest;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import org.springframework.stereotype.Component;

/**
 * The engine side of {@link EngineGate}, on the Camunda client's gRPC channel (the client picks up
 * every {@code ClientInterceptor} bean). It refuses what the gate refuses with UNAVAILABLE before
 * the call leaves (a job activation is answered with no jobs instead), keeps count of the jobs handed to workers (activated, not yet completed, failed
 * or answered with a BPMN error) and, while the gate is sealed, keeps newly activated jobs from the
 * workers.
 */
@Component
@SingleNodeOnly
class EngineGateInterceptor implements ClientInterceptor {
  private final EngineGate gate;

  EngineGateInterceptor(EngineGate gate) {
    this.gate = gate;
  }

  @Override
  public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method, CallOptions options, Channel next) {
    String name = method.getBareMethodName();
    if (name != null && gate.refuses(name)) {
      // A worker asking for jobs while the gate is sealed simply finds none (and asks again at its
      // poll interval); an error would put every worker into back-off and fill the log.
      return "ActivateJobs".equals(name)
          ? new Refused<>(Status.OK, "")
          : new Refused<>(Status.UNAVAILABLE, name + " refused: the embedded engine is being replaced");
    }
    return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<RespT> listener, Metadata headers) {
        ClientCall<ReqT, RespT> call = delegate();
        super.start(
            new SimpleForwardingClientCallListener<>(listener) {
              @Override
              public void onMessage(RespT message) {
                if (message instanceof ActivateJobsResponse || message instanceof ActivatedJob) {
                  if (gate.dropsActivatedJobs()) {
                    call.request(1); // the worker never sees this message, so it will not ask for the next
                    return;
                  }
                  if (message instanceof ActivateJobsResponse response) {
                    response.getJobsList().forEach(job -> gate.activated(job.getKey(), job.getType()));
                  } else {
                    ActivatedJob job = (ActivatedJob) message;
                    gate.activated(job.getKey(), job.getType());
                  }
                }
                super.onMessage(message);
              }
            },
            headers);
      }

      @Override
      public void sendMessage(ReqT message) {
        if (message instanceof CompleteJobRequest complete) {
          gate.finished(complete.getJobKey());
        } else if (message instanceof FailJobRequest fail) {
          gate.finished(fail.getJobKey());
        } else if (message instanceof ThrowErrorRequest error) {
          gate.finished(error.getJobKey());
        }
        super.sendMessage(message);
      }
    };
  }

  /** A call that never leaves: closed at once, without an answer. */
  private static final class Refused<ReqT, RespT> extends ClientCall<ReqT, RespT> {
    private final Status status;

    Refused(Status status, String description) {
      this.status = description.isEmpty() ? status : status.withDescription(description);
    }

    @Override
    public void start(Listener<RespT> listener, Metadata headers) {
      listener.onClose(status, new Metadata());
    }

    @Override
    public void request(int numMessages) {}

    @Override
    public void cancel(String message, Throwable cause) {}

    @Override
    public void halfClose() {}

    @Override
    public void sendMessage(ReqT message) {}
  }
}
